package dev.cogform.cli.git;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.WorkingTreeIterator;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * The stacks under a directory whose inputs differ between the merge base of a ref and HEAD plus the
 * working tree (what a pull request changes, with local edits). A stack is a directory holding
 * cogform.yaml; its inputs are every YAML file in it and below it (var files by convention live beside
 * cogform.yaml), except in nested stacks, in hidden directories such as {@code .cogform/}, and files git
 * ignores. Content is compared by blob id, line endings normalised as git does.
 */
public final class ChangedStacks {

    /** How a stack differs: {@code removed} has no cogform.yaml any more (it was deleted or renamed). */
    public enum Status {
        ADDED("added"), MODIFIED("modified"), REMOVED("removed");

        private final String word;

        Status(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /** A changed stack: its directory relative to where the command ran ("." for that directory), and its changed files. */
    public record Stack(String path, Status status, List<String> files) {
        public Stack {
            files = List.copyOf(files);
        }
    }

    /** The answer, with the commits it compared. */
    public record Result(String baseRef, String base, String mergeBase, String head, List<Stack> stacks) {
        public Result {
            stacks = List.copyOf(stacks);
        }
    }

    private ChangedStacks() {
    }

    public static Result find(Path directory, String baseRef) {
        try (WorkTree tree = WorkTree.require(directory, "cogform changed")) {
            String under = tree.relative(directory);
            RevCommit head = tree.commit("HEAD", "HEAD");
            RevCommit base = tree.commit(baseRef, "--base");
            RevCommit mergeBase = tree.mergeBase(base, head, baseRef);
            Map<String, ObjectId> before = committed(tree, mergeBase, under);
            Map<String, ObjectId> after = working(tree, under);
            List<Stack> stacks = compare(before, after, under);
            return new Result(baseRef, base.name(), mergeBase.name(), head.name(), stacks);
        } catch (IOException e) {
            throw new GitException("cannot read the git repository: " + e.getMessage(), e);
        }
    }

    /** Pure: the stacks whose inputs differ between two path→blob maps (repository paths under {@code under}). */
    static List<Stack> compare(Map<String, ObjectId> before, Map<String, ObjectId> after, String under) {
        TreeSet<String> stackDirs = new TreeSet<>();
        for (Map<String, ObjectId> side : List.of(before, after)) {
            side.keySet().stream().filter(p -> p.equals("cogform.yaml") || p.endsWith("/cogform.yaml"))
                    .forEach(p -> stackDirs.add(parent(p)));
        }
        Map<String, List<String>> changed = new TreeMap<>();
        TreeSet<String> paths = new TreeSet<>(before.keySet());
        paths.addAll(after.keySet());
        for (String path : paths) {
            if (Objects.equals(before.get(path), after.get(path))) {
                continue;
            }
            String owner = owner(path, stackDirs);
            if (owner != null) {
                changed.computeIfAbsent(owner, d -> new ArrayList<>()).add(path);
            }
        }
        List<Stack> out = new ArrayList<>();
        changed.forEach((dir, files) -> {
            String yaml = dir.isEmpty() ? "cogform.yaml" : dir + "/cogform.yaml";
            Status status = !before.containsKey(yaml) ? Status.ADDED
                    : !after.containsKey(yaml) ? Status.REMOVED : Status.MODIFIED;
            out.add(new Stack(display(dir, under), status, files.stream().map(f -> display(f, under)).toList()));
        });
        return out;
    }

    /** The deepest stack directory holding {@code path}, unless a hidden directory lies between them. */
    private static String owner(String path, TreeSet<String> stackDirs) {
        for (String dir = parent(path); ; dir = parent(dir)) {
            if (stackDirs.contains(dir)) {
                String rest = dir.isEmpty() ? path : path.substring(dir.length() + 1);
                return rest.startsWith(".") || rest.contains("/.") ? null : dir;
            }
            if (dir.isEmpty()) {
                return null;
            }
        }
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static String display(String path, String under) {
        if (under.isEmpty()) {
            return path.isEmpty() ? "." : path;
        }
        return path.equals(under) ? "." : path.substring(under.length() + 1);
    }

    private static boolean yaml(String path) {
        return path.endsWith(".yaml") || path.endsWith(".yml");
    }

    private static Map<String, ObjectId> committed(WorkTree tree, RevCommit commit, String under) throws IOException {
        Map<String, ObjectId> out = new TreeMap<>();
        try (TreeWalk walk = new TreeWalk(tree.repository())) {
            walk.addTree(commit.getTree());
            walk.setRecursive(true);
            if (!under.isEmpty()) {
                walk.setFilter(PathFilter.create(under));
            }
            while (walk.next()) {
                if (yaml(walk.getPathString())) {
                    out.put(walk.getPathString(), walk.getObjectId(0));
                }
            }
        }
        return out;
    }

    /** YAML files of the working tree, tracked or not, that git does not ignore, hashed as {@code git add} would. */
    private static Map<String, ObjectId> working(WorkTree tree, String under) throws IOException {
        Map<String, ObjectId> out = new TreeMap<>();
        try (TreeWalk walk = new TreeWalk(tree.repository())) {
            walk.setOperationType(TreeWalk.OperationType.CHECKIN_OP);
            walk.addTree(new FileTreeIterator(tree.repository()));
            if (!under.isEmpty()) {
                walk.setFilter(PathFilter.create(under));
            }
            while (walk.next()) {
                WorkingTreeIterator file = walk.getTree(0, WorkingTreeIterator.class);
                if (file.isEntryIgnored() || walk.getNameString().equals(".git")) {
                    continue;
                }
                if (walk.isSubtree()) {
                    walk.enterSubtree();
                } else if (yaml(walk.getPathString())) {
                    out.put(walk.getPathString(), file.getEntryObjectId());
                }
            }
        }
        return out;
    }
}
