package dev.cogform.cli.git;

import dev.cogform.core.plan.GitProvenance;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.TreeWalk.OperationType;
import org.eclipse.jgit.treewalk.WorkingTreeIterator;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;

/**
 * A git work tree opened with JGit, read-only. File content is hashed as {@code git add} would hash it
 * (line endings converted as core.autocrlf and .gitattributes say), so a CRLF checkout of LF blobs is
 * not a change; commits are read from the object database, never checked out.
 */
final class WorkTree implements AutoCloseable {

    private final Repository repo;
    private final Path root;

    private WorkTree(Repository repo) throws IOException {
        this.repo = repo;
        this.root = repo.getWorkTree().toPath().toRealPath();
    }

    /** The work tree {@code dir} is in, or empty when it is in none (or in a bare repository). */
    static Optional<WorkTree> find(Path dir) {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(dir.toAbsolutePath().toFile());
        if (builder.getGitDir() == null) {
            return Optional.empty();
        }
        try {
            Repository repo = builder.setMustExist(true).build();
            if (repo.isBare()) {
                repo.close();
                return Optional.empty();
            }
            return Optional.of(new WorkTree(repo));
        } catch (IOException | IllegalArgumentException e) {
            throw new GitException("cannot open the git repository at " + builder.getGitDir() + ": " + e.getMessage(), e);
        }
    }

    /** Like {@link #find}, for commands that need git: fails saying so outside a work tree. */
    static WorkTree require(Path dir, String command) {
        return find(dir).orElseThrow(() -> new GitException(dir.toAbsolutePath().normalize()
                + " is not in a git work tree; '" + command + "' compares commits, so run it in a clone"));
    }

    Path root() {
        return root;
    }

    /** {@code path} relative to the work tree root, with {@code /}; "" for the root; null outside the work tree. */
    String relative(Path path) {
        Path real;
        try {
            real = path.toRealPath();
        } catch (IOException e) {
            real = path.toAbsolutePath().normalize();
        }
        if (!real.startsWith(root)) {
            return null;
        }
        return root.relativize(real).toString().replace(File.separatorChar, '/');
    }

    GitProvenance provenance(Path stackDir, List<Path> inputs, GitProvenance.PullRequest pullRequest) {
        String stack = relative(stackDir);
        List<String> paths = new ArrayList<>();
        for (Path input : inputs) {
            String p = relative(input);
            if (p != null && !p.isEmpty()) {
                paths.add(p); // a var file outside the repository is not part of any commit; the desired digest covers it
            }
        }
        try {
            Map<String, ObjectId> working = workingIds(paths);
            ObjectId head = repo.resolve(Constants.HEAD);
            boolean dirty = head == null || !working.equals(committedIds(head, working.keySet()));
            Map<String, String> ids = new TreeMap<>();
            working.forEach((p, id) -> ids.put(p, id.name()));
            String full = repo.getFullBranch();
            String branch = full != null && full.startsWith(Constants.R_HEADS) ? full.substring(Constants.R_HEADS.length()) : null;
            return new GitProvenance(head == null ? null : head.name(), branch, stack == null ? "" : stack,
                    treeId(working), dirty, remote(), pullRequest, ids);
        } catch (IOException e) {
            throw new GitException("cannot read the git repository at " + root + ": " + e.getMessage(), e);
        }
    }

    /** The blob ids of these work tree files as git would hash them now; missing files are left out. */
    Map<String, ObjectId> workingIds(Collection<String> paths) throws IOException {
        Map<String, ObjectId> out = new TreeMap<>();
        if (paths.isEmpty()) {
            return out;
        }
        try (TreeWalk walk = new TreeWalk(repo)) {
            walk.setOperationType(OperationType.CHECKIN_OP);
            walk.addTree(new FileTreeIterator(repo));
            walk.setFilter(PathFilterGroup.createFromStrings(paths));
            walk.setRecursive(true);
            while (walk.next()) {
                WorkingTreeIterator file = walk.getTree(0, WorkingTreeIterator.class);
                if (paths.contains(walk.getPathString())) {
                    out.put(walk.getPathString(), file.getEntryObjectId());
                }
            }
        }
        return out;
    }

    /** The blob ids of these paths in a commit; paths absent there are left out. */
    Map<String, ObjectId> committedIds(ObjectId commit, Collection<String> paths) throws IOException {
        Map<String, ObjectId> out = new TreeMap<>();
        try (RevWalk walk = new RevWalk(repo)) {
            RevCommit c = walk.parseCommit(commit);
            for (String p : paths) {
                try (TreeWalk tw = TreeWalk.forPath(repo, p, c.getTree())) {
                    if (tw != null && !tw.isSubtree()) {
                        out.put(p, tw.getObjectId(0));
                    }
                }
            }
        }
        return out;
    }

    /** A file's content in a commit, as stored (no line-ending conversion); null when the commit has no such file. */
    byte[] read(RevCommit commit, String path) throws IOException {
        try (TreeWalk tw = TreeWalk.forPath(repo, path, commit.getTree())) {
            if (tw == null || tw.isSubtree()) {
                return null;
            }
            return repo.open(tw.getObjectId(0), Constants.OBJ_BLOB).getBytes();
        }
    }

    /**
     * The commit {@code ref} names ({@code what} says which option gave it, for messages); fails when
     * it names none, saying how to fetch it.
     */
    RevCommit commit(String ref, String what) {
        ObjectId id;
        try {
            id = repo.resolve(ref + "^{commit}");
        } catch (RevisionSyntaxException | IOException e) {
            id = null;
        }
        if (id == null) {
            if (Constants.HEAD.equals(ref)) {
                throw new GitException("HEAD has no commit yet (an unborn branch); commit the stack first");
            }
            throw new GitException(what + " " + ref + " is not a branch, tag or commit in this clone; check the name,"
                    + " or fetch it first (git fetch origin " + ref.replaceFirst("^origin/", "") + ")");
        }
        try (RevWalk walk = new RevWalk(repo)) {
            return walk.parseCommit(id);
        } catch (IOException e) {
            throw new GitException(what + " " + ref + ": " + e.getMessage(), e);
        }
    }

    /**
     * The merge base of {@code base} and {@code head}, as {@code git merge-base} finds it. A shallow clone
     * that lacks it is an error naming the fix, never a silent "everything" or "nothing changed".
     */
    RevCommit mergeBase(RevCommit base, RevCommit head, String baseRef) {
        RevCommit found;
        try (RevWalk walk = new RevWalk(repo)) {
            walk.setRevFilter(RevFilter.MERGE_BASE);
            walk.markStart(walk.parseCommit(base));
            walk.markStart(walk.parseCommit(head));
            found = walk.next();
        } catch (MissingObjectException e) {
            found = null;
        } catch (IOException e) {
            throw new GitException("cannot find the merge base of " + baseRef + " and HEAD: " + e.getMessage(), e);
        }
        if (found == null) {
            if (shallow()) {
                throw new GitException("this is a shallow clone without the merge base of " + baseRef
                        + " and HEAD; fetch the history: 'fetch-depth: 0' in actions/checkout, or 'git fetch --unshallow'");
            }
            throw new GitException(baseRef + " and HEAD have no common history (no merge base); compare with a"
                    + " branch this one was made from");
        }
        return found;
    }

    /** JGit has no public accessor for it; a shallow clone lists its grafted commits in {@code shallow}. */
    boolean shallow() {
        File common = repo.getCommonDirectory();
        return new File(common != null ? common : repo.getDirectory(), "shallow").isFile();
    }

    Repository repository() {
        return repo;
    }

    /** The URL of {@code origin} (else of the first remote), without any user or token in it; null without remotes. */
    private String remote() {
        var config = repo.getConfig();
        String url = config.getString("remote", "origin", "url");
        if (url == null) {
            url = config.getSubsections("remote").stream().sorted().findFirst()
                    .map(r -> config.getString("remote", r, "url")).orElse(null);
        }
        return url == null ? null : withoutCredentials(url);
    }

    static String withoutCredentials(String url) {
        if (!url.contains("://")) {
            return url; // scp-like (git@host:path) or a local path: no password can be in it
        }
        try {
            URI u = new URI(url);
            if (u.getRawUserInfo() == null) {
                return url;
            }
            return new URI(u.getScheme(), null, u.getHost(), u.getPort(), u.getPath(), u.getQuery(), u.getFragment())
                    .toString();
        } catch (URISyntaxException e) {
            return url.replaceFirst("://[^/@]*@", "://");
        }
    }

    /**
     * The id of the git tree holding exactly these files at these paths, with regular-file modes, as
     * {@code git write-tree} would compute it for an index of only them.
     */
    static String treeId(Map<String, ObjectId> files) {
        try (ObjectInserter.Formatter formatter = new ObjectInserter.Formatter()) {
            return tree(files, formatter).name();
        }
    }

    private static ObjectId tree(Map<String, ObjectId> files, ObjectInserter.Formatter formatter) {
        // Group by first path segment; git orders a tree's entries by name, a subtree's name read with a '/'.
        Map<String, Object> entries = new TreeMap<>(WorkTree::gitOrder);
        Map<String, Map<String, ObjectId>> dirs = new LinkedHashMap<>();
        files.forEach((path, id) -> {
            int slash = path.indexOf('/');
            if (slash < 0) {
                entries.put(path, id);
            } else {
                dirs.computeIfAbsent(path.substring(0, slash), d -> new TreeMap<>()).put(path.substring(slash + 1), id);
            }
        });
        dirs.forEach((dir, content) -> entries.put(dir + "/", tree(content, formatter)));
        TreeFormatter tree = new TreeFormatter();
        entries.forEach((name, id) -> {
            if (name.endsWith("/")) {
                tree.append(name.substring(0, name.length() - 1), FileMode.TREE, (ObjectId) id);
            } else {
                tree.append(name, FileMode.REGULAR_FILE, (ObjectId) id);
            }
        });
        return tree.computeId(formatter);
    }

    /** Unsigned byte order of the UTF-8 names (directories here carry their trailing '/'), as git sorts. */
    private static int gitOrder(String a, String b) {
        byte[] x = a.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] y = b.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return java.util.Arrays.compareUnsigned(x, y);
    }

    @Override
    public void close() {
        repo.close();
    }
}
