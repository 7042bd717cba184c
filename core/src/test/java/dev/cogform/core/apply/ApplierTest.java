package dev.cogform.core.apply;

import static dev.cogform.core.testing.TestStacks.client;
import static dev.cogform.core.testing.TestStacks.poolById;
import static dev.cogform.core.testing.TestStacks.stack;
import static dev.cogform.core.testing.TestStacks.web;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cogform.core.desired.DesiredClient;
import dev.cogform.core.desired.DesiredState;
import dev.cogform.core.live.GatewayError;
import dev.cogform.core.live.GatewayException;
import dev.cogform.core.live.LiveClient;
import dev.cogform.core.model.AppClientSettings;
import dev.cogform.core.model.ClientAddress;
import dev.cogform.core.plan.Action;
import dev.cogform.core.plan.Plan;
import dev.cogform.core.plan.PlanFile;
import dev.cogform.core.plan.PlanOptions;
import dev.cogform.core.plan.Planner;
import dev.cogform.core.plan.StateChange;
import dev.cogform.core.refresh.Refresher;
import dev.cogform.core.state.PendingCreate;
import dev.cogform.core.state.StateSnapshot;
import dev.cogform.core.testing.CallLog;
import dev.cogform.core.testing.FakeCognitoGateway;
import dev.cogform.core.testing.FakeCognitoGateway.Op;
import dev.cogform.core.testing.InMemoryStateStore;
import dev.cogform.core.diag.Diagnostic;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ApplierTest {

    final Clock clock = Clock.fixed(Instant.parse("2024-05-01T12:00:00Z"), ZoneOffset.UTC);
    final CallLog log = new CallLog();
    final FakeCognitoGateway cognito = new FakeCognitoGateway(clock, log);
    final InMemoryStateStore store = new InMemoryStateStore(log);
    final String pool = cognito.addPool("main-users");

    Plan plan(DesiredState desired) {
        StateSnapshot state = store.read();
        return Planner.plan(desired, state, new Refresher(cognito).refresh(desired, state, Set.of()),
                new PlanOptions(Set.of(), clock.instant(), "test"));
    }

    /** A plan made at {@code now}: once intents that left nothing can no longer land. */
    Plan planAt(DesiredState desired, Instant now) {
        StateSnapshot state = store.read();
        return Planner.plan(desired, state, new Refresher(cognito).refresh(desired, state, Set.of()),
                new PlanOptions(Set.of(), now, "test"));
    }

    ApplyResult apply(Plan plan) {
        return new Applier(cognito, store, clock, ApplyListener.NONE, 4).withRetries(NO_WAIT).apply(plan, store.read());
    }

    static final ApplyRetries NO_WAIT = ApplyRetries.DEFAULT.withPause(d -> { });

    DesiredState stackOf(DesiredClient... clients) {
        return stack(poolById("main", pool, clients));
    }

    @Test
    void create_writesIntentBeforeTheCallAndTheClientIdRightAfter() {
        ApplyResult result = apply(plan(stackOf(client("main", "web", web("web")))));

        assertThat(result.failed()).isFalse();
        assertThat(log.entries()).filteredOn(e -> e.startsWith("state") || e.startsWith("gateway CREATE"))
                .containsExactly(
                        "state write #1 clients=[] pending=[main.web]",
                        "gateway CREATE " + pool,
                        "state write #2 clients=[main.web] pending=[]");
        assertThat(store.read().client(ClientAddress.parse("main.web")).orElseThrow().clientId())
                .isEqualTo(result.outcomes().get(0).clientId());
    }

    @Test
    void createWhoseAnswerIsLost_isFoundByListing_andAdoptedInTheSameApply_noDuplicate() {
        DesiredState desired = stackOf(client("main", "web", web("web")));
        cognito.failOn(Op.CREATE, 0, 1, new GatewayException(GatewayError.UNREACHABLE, "connection reset"), true);

        ApplyResult first = apply(plan(desired));

        assertThat(first.failed()).isFalse();
        assertThat(cognito.calls()).filteredOn(c -> c.startsWith("CREATE")).hasSize(1);
        assertThat(cognito.clients(pool)).hasSize(1);
        assertThat(store.read().pending()).isEmpty();
        assertThat(store.read().client(ClientAddress.parse("main.web")).orElseThrow().clientId())
                .isEqualTo(cognito.clients(pool).get(0).clientId());
        assertThat(plan(desired).hasChanges()).isFalse();
    }

    @Test
    void crash_whenProcessDiesBeforeTheIdIsSaved_nextPlanAdoptsTheClient_noDuplicate() {
        DesiredState desired = stackOf(client("main", "web", web("web")));
        Plan plan = plan(desired);
        store.failWritesAfter(1); // the intent is written; the write of the client id never happens

        ApplyResult first = apply(plan);

        assertThat(first.failed()).isTrue();
        assertThat(cognito.clients(pool)).hasSize(1);
        store.failWritesAfter(Integer.MAX_VALUE);
        assertThat(store.read().clients()).isEmpty();
        assertThat(store.read().pending()).hasSize(1);
        apply(plan(desired));
        assertThat(cognito.calls()).filteredOn(c -> c.startsWith("CREATE")).hasSize(1);
        assertThat(cognito.clients(pool)).hasSize(1);
        assertThat(plan(desired).hasChanges()).isFalse();
    }

    @Test
    void failure_stopsNewActions_reportsDoneFailedAndNotAttempted_andPersistsState() {
        apply(plan(stackOf(client("main", "a", web("a")), client("main", "b", web("b")), client("main", "c", web("c")))));
        AppClientSettings changed = web("x").toBuilder().idTokenValiditySeconds(600).build();
        cognito.failOn(Op.UPDATE, 1, 1, new GatewayException(GatewayError.INVALID_PARAMETER,
                "Invalid range for token validity.", "InvalidParameterException", null, null), false);

        ApplyResult result = apply(plan(stackOf(
                client("main", "a", changed.toBuilder().clientName("a").build()),
                client("main", "b", changed.toBuilder().clientName("b").build()),
                client("main", "c", changed.toBuilder().clientName("c").build()))));

        assertThat(result.failed()).isTrue();
        assertThat(result.outcomes()).extracting(o -> o.address() + " " + o.status())
                .containsExactly("main.a DONE", "main.b FAILED", "main.c NOT_ATTEMPTED");
        assertThat(result.with(Outcome.Status.FAILED).get(0).message())
                .isEqualTo("Cognito: InvalidParameterException: Invalid range for token validity.");
        assertThat(store.read().client(ClientAddress.parse("main.a")).orElseThrow().applied().idTokenValiditySeconds())
                .isEqualTo(600);
        assertThat(store.read().client(ClientAddress.parse("main.b")).orElseThrow().applied().idTokenValiditySeconds())
                .isEqualTo(3600);
        assertThat(cognito.calls()).filteredOn(c -> c.startsWith("UPDATE")).hasSize(2);
    }

    @Test
    void failureInOnePool_stopsThatPool_otherPoolsFinish_andEveryFailureIsReported() {
        String other = cognito.addPool("other-users");
        String third = cognito.addPool("third-users");
        cognito.onCall(Op.CREATE, poolId -> {
            if (!poolId.equals(other)) {
                throw new GatewayException(GatewayError.INVALID_PARAMETER, "bad " + poolId, "InvalidParameterException",
                        null, null);
            }
        });
        DesiredState desired = stack(poolById("main", pool, client("main", "a", web("a")), client("main", "b", web("b"))),
                poolById("other", other, client("other", "a", web("a")), client("other", "b", web("b"))),
                poolById("third", third, client("third", "a", web("a"))));

        ApplyResult result = apply(plan(desired));

        assertThat(result.outcomes()).extracting(o -> o.address() + " " + o.status())
                .containsExactly("main.a FAILED", "main.b NOT_ATTEMPTED", "other.a DONE", "other.b DONE",
                        "third.a FAILED");
        assertThat(result.with(Outcome.Status.NOT_ATTEMPTED).get(0).message())
                .isEqualTo("not attempted because main.a in the same pool failed");
        assertThat(cognito.clients(other)).hasSize(2);
        assertThat(store.read().clients()).hasSize(2);
        assertThat(store.read().pending()).isEmpty();
    }

    @Test
    void updateFailingTransiently_isRetried_untilItGoesThrough() {
        apply(plan(stackOf(client("main", "a", web("a")))));
        cognito.failOn(Op.UPDATE, 0, 3, new GatewayException(GatewayError.OTHER, "InternalErrorException: boom",
                "InternalErrorException", null, null), false);

        ApplyResult result = apply(plan(stackOf(client("main", "a", web("a").toBuilder().idTokenValiditySeconds(600).build()))));

        assertThat(result.failed()).isFalse();
        assertThat(cognito.calls()).filteredOn(c -> c.startsWith("UPDATE")).hasSize(4);
        assertThat(cognito.clients(pool).get(0).settings().idTokenValiditySeconds()).isEqualTo(600);
    }

    @Test
    void createAnsweredWithAnError_isListedFirst_thenCreatedAgain_once() {
        cognito.failOn(Op.CREATE, 0, 2, new GatewayException(GatewayError.OTHER, "InternalErrorException: boom",
                "InternalErrorException", null, null), false);

        ApplyResult result = apply(plan(stackOf(client("main", "web", web("web")))));

        assertThat(result.failed()).isFalse();
        assertThat(cognito.calls()).filteredOn(c -> c.startsWith("CREATE")).hasSize(3);
        assertThat(cognito.calls()).filteredOn(c -> c.startsWith("LIST")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(cognito.clients(pool)).hasSize(1);
        assertThat(store.read().pending()).isEmpty();
    }

    @Test
    void lostLock_stopsTheApplyBeforeTheNextCognitoWrite() {
        DesiredState desired = stackOf(client("main", "a", web("a")), client("main", "b", web("b")),
                client("main", "c", web("c")));
        Plan plan = plan(desired);
        dev.cogform.core.state.StateLock lock = store.lock("apply", java.time.Duration.ZERO);
        ApplyListener takeover = new ApplyListener() {
            @Override
            public void onStart(dev.cogform.core.plan.ResourceChange change) {
            }

            @Override
            public void onComplete(dev.cogform.core.plan.ResourceChange change, Outcome outcome) {
                if (store.lockHolder().isPresent()) {
                    store.forceUnlock(lock.info().id()); // someone broke the lock after the first change
                }
            }
        };

        ApplyResult result = new Applier(cognito, store, clock, takeover, 4).withRetries(NO_WAIT)
                .apply(plan, store.read(), lock);

        assertThat(result.outcomes()).extracting(o -> o.address() + " " + o.status())
                .containsExactly("main.a DONE", "main.b FAILED", "main.c NOT_ATTEMPTED");
        assertThat(cognito.calls()).filteredOn(c -> c.startsWith("CREATE")).hasSize(1);
        assertThat(result.diagnostics()).extracting(d -> d.rule()).contains("apply.stopped");
        assertThat(result.with(Outcome.Status.NOT_ATTEMPTED).get(0).message()).contains("the state lock was lost");
    }

    @Test
    void writes_areSerialisedPerPool_andParallelAcrossPools() throws Exception {
        String other = cognito.addPool("other-users");
        List<DesiredClient> mainClients = new ArrayList<>();
        List<DesiredClient> otherClients = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            mainClients.add(client("main", "m" + i, web("m" + i)));
            otherClients.add(client("other", "o" + i, web("o" + i)));
        }
        Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
        List<Integer> overlaps = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch mainStarted = new CountDownLatch(1);
        CountDownLatch otherStarted = new CountDownLatch(1);
        List<Boolean> sawOtherPool = Collections.synchronizedList(new ArrayList<>());
        cognito.onCall(Op.CREATE, poolId -> {
            int now = inFlight.computeIfAbsent(poolId, k -> new AtomicInteger()).incrementAndGet();
            overlaps.add(now);
            try {
                // Each pool's first create waits for the other pool's: only parallel pools get past this.
                (poolId.equals(pool) ? mainStarted : otherStarted).countDown();
                sawOtherPool.add((poolId.equals(pool) ? otherStarted : mainStarted).await(10, TimeUnit.SECONDS));
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.get(poolId).decrementAndGet();
            }
        });
        DesiredState desired = stack(poolById("main", pool, mainClients.toArray(DesiredClient[]::new)),
                poolById("other", other, otherClients.toArray(DesiredClient[]::new)));

        ApplyResult result = apply(plan(desired));

        assertThat(result.failed()).isFalse();
        assertThat(overlaps).hasSize(8).allMatch(n -> n == 1);
        assertThat(sawOtherPool).containsOnly(true);
        assertThat(store.read().clients()).hasSize(8);
    }

    @Test
    void replace_createsTheNewClient_deletesTheOld_thenRecordsTheNew() {
        apply(plan(stackOf(client("main", "web", web("web")))));
        String oldId = store.read().clients().values().iterator().next().clientId();

        ApplyResult result = apply(plan(stackOf(client("main", "web", web("web").toBuilder().generateSecret(true).build()))));

        assertThat(result.outcomes()).extracting(o -> o.action() + " " + o.status()).containsExactly("REPLACE DONE");
        String newId = result.outcomes().get(0).clientId();
        assertThat(newId).isNotEqualTo(oldId);
        assertThat(cognito.clients(pool)).extracting(LiveClient::clientId).containsExactly(newId);
        List<String> calls = cognito.calls().stream().filter(c -> c.startsWith("CREATE") || c.startsWith("DELETE")).toList();
        assertThat(calls).containsExactly("CREATE " + pool, "CREATE " + pool, "DELETE " + pool + "/" + oldId);
        // Until the old client is gone, the state keeps it and the intent: an interruption in between
        // lets the next plan adopt the new client and delete the old one.
        List<String> entries = log.entries();
        int intent = entries.indexOf("state write #3 clients=[main.web] pending=[main.web]");
        int create = entries.lastIndexOf("gateway CREATE " + pool);
        int delete = entries.indexOf("gateway DELETE " + pool + "/" + oldId);
        int recorded = entries.indexOf("state write #4 clients=[main.web] pending=[]");
        assertThat(List.of(intent, create, delete, recorded)).as("%s", entries).doesNotContain(-1).isSorted();
        assertThat(store.read().client(ClientAddress.parse("main.web")).orElseThrow().clientId()).isEqualTo(newId);
    }

    @Test
    void crash_betweenAReplacementsCreateAndDelete_nextApplyAdoptsTheNewClientAndDeletesTheOld() {
        apply(plan(stackOf(client("main", "web", web("web")))));
        String oldId = store.read().clients().values().iterator().next().clientId();
        AppClientSettings secret = web("web").toBuilder().generateSecret(true).build();
        // What a replacement killed after its create and before its delete leaves behind.
        store.write(store.read().withPending(new dev.cogform.core.state.PendingCreate(ClientAddress.parse("main.web"),
                pool, "web", clock.instant())));
        String newId = cognito.create(pool, secret).clientId();

        Plan again = plan(stackOf(client("main", "web", secret)));

        assertThat(again.stateChanges()).extracting(StateChange::kind).containsExactly(StateChange.Kind.ADOPT);
        assertThat(again.actions()).extracting(c -> c.action() + " " + c.reason().code() + " " + c.existing().orElseThrow().clientId())
                .containsExactly("DELETE delete_because_replaced " + oldId);
        assertThat(again.unmanaged()).isEmpty();
        assertThat(apply(again).failed()).isFalse();
        assertThat(cognito.clients(pool)).extracting(LiveClient::clientId).containsExactly(newId);
        assertThat(store.read().client(ClientAddress.parse("main.web")).orElseThrow().clientId()).isEqualTo(newId);
        assertThat(store.read().pending()).isEmpty();
        assertThat(plan(stackOf(client("main", "web", secret))).hasChanges()).isFalse();
    }

    @Test
    void delete_removesTheClientAndItsRecord() {
        apply(plan(stackOf(client("main", "web", web("web")), client("main", "api", web("api")))));

        ApplyResult result = apply(plan(stackOf(client("main", "web", web("web")))));

        assertThat(result.outcomes()).extracting(o -> o.address() + " " + o.action()).containsExactly("main.api DELETE");
        assertThat(store.read().clients().keySet()).extracting(ClientAddress::toString).containsExactly("main.web");
        assertThat(cognito.clients(pool)).hasSize(1);
    }

    @Test
    void update_sendsTheFullClient_andAResponseThatDiffersIsReportedNotRetried() {
        apply(plan(stackOf(client("main", "web", web("web")))));
        AppClientSettings desired = web("web").toBuilder().readAttributes(List.of("email")).build();
        Plan plan = plan(stackOf(client("main", "web", desired)));
        cognito.normalise(s -> s.toBuilder().readAttributes(List.of("email", "email_verified")).build());

        ApplyResult result = apply(plan);

        assertThat(cognito.sent()).last().isEqualTo(desired);
        assertThat(cognito.calls()).filteredOn(c -> c.startsWith("UPDATE")).hasSize(1);
        assertThat(result.failed()).isFalse();
        assertThat(result.diagnostics()).extracting(d -> d.format()).containsExactly(
                "warning[apply.response-differs]: Cognito returned [email, email_verified] for field read_attributes of"
                        + " main.web (cogform sent [email]) (hint: the next plan will show this difference again; check"
                        + " the value in cogform.yaml)");
    }

    @Test
    void listener_hearsStartAndCompleteOfEveryAction() {
        List<String> heard = Collections.synchronizedList(new ArrayList<>());
        ApplyListener listener = new ApplyListener() {
            @Override
            public void onStart(dev.cogform.core.plan.ResourceChange change) {
                heard.add("start " + change.address());
            }

            @Override
            public void onComplete(dev.cogform.core.plan.ResourceChange change, Outcome outcome) {
                heard.add(outcome.status() + " " + change.address());
            }
        };

        new Applier(cognito, store, clock, listener, 1).apply(plan(stackOf(client("main", "web", web("web")))), store.read());

        assertThat(heard).containsExactly("start main.web", "DONE main.web");
    }

    @Test
    void apply_refusesAPlanWithErrors() {
        apply(plan(stackOf(client("main", "web", web("web"), dev.cogform.core.testing.TestStacks.protect()))));
        Plan refused = plan(stackOf());

        assertThat(refused.errored()).isTrue();
        assertThatThrownBy(() -> apply(refused)).isInstanceOf(IllegalArgumentException.class);
        assertThat(cognito.clients(pool)).hasSize(1);
    }

    @Test
    void secret_neverReachesThePlanOrTheState() {
        DesiredState desired = stackOf(client("main", "api", web("api").toBuilder().generateSecret(true).build()));
        Plan first = plan(desired);
        apply(first);
        String clientId = store.read().clients().values().iterator().next().clientId();
        String secret = cognito.secret(pool, clientId).orElseThrow();

        Plan after = plan(stackOf(client("main", "api", web("api2").toBuilder().generateSecret(true).build())));

        assertThat(PlanFile.write(first)).doesNotContain(secret);
        assertThat(PlanFile.write(after)).doesNotContain(secret);
        store.history().forEach(s -> assertThat(s.toString()).doesNotContain(secret));
        assertThat(after.changes().get(0).action()).isEqualTo(Action.UPDATE);
    }

    @Test
    void savedPlan_madeBeforeAnyStateWasSaved_isFreshAlthoughEachEmptyReadHasANewLineage() {
        DesiredState desired = stackOf(client("main", "web", web("web")));
        Plan plan = plan(desired);

        assertThat(store.read().lineage()).isNotEqualTo(store.read().lineage());
        assertThat(SavedPlanCheck.check(plan, desired, store.read(), cognito)).isEmpty();
    }

    @Test
    void savedPlan_isStaleWhenTheYamlChanged() {
        DesiredState desired = stackOf(client("main", "web", web("web")));
        Plan plan = plan(desired);

        List<String> rules = SavedPlanCheck.check(plan, stackOf(client("main", "web", web("web2"))), store.read(), cognito)
                .stream().map(d -> d.rule()).toList();

        assertThat(rules).containsExactly("plan.stale-desired");
        assertThat(SavedPlanCheck.check(plan, desired, store.read(), cognito)).isEmpty();
    }

    @Test
    void savedPlan_isStaleWhenTheStateMovedOn_soAnAppliedPlanCannotBeAppliedAgain() {
        DesiredState desired = stackOf(client("main", "web", web("web")));
        Plan plan = plan(desired);
        apply(plan);

        assertThat(SavedPlanCheck.check(plan, desired, store.read(), cognito)).extracting(d -> d.rule())
                .containsExactly("plan.stale-state");
        StateSnapshot otherLineage = new StateSnapshot("another", store.read().serial(), store.read().clients(), List.of());
        assertThat(SavedPlanCheck.check(plan(desired), desired, otherLineage, cognito)).extracting(d -> d.message())
                .singleElement().asString().contains("lineage another");
    }

    @Test
    void savedPlan_isStaleWhenAChangedClientChangedLive() {
        apply(plan(stackOf(client("main", "web", web("web")))));
        DesiredState desired = stackOf(client("main", "web", web("web").toBuilder().idTokenValiditySeconds(600).build()));
        Plan plan = plan(desired);
        String clientId = store.read().clients().values().iterator().next().clientId();
        cognito.change(pool, clientId, web("web").toBuilder().logoutUrls(List.of()).build());

        assertThat(SavedPlanCheck.check(plan, desired, store.read(), cognito)).extracting(d -> d.rule() + " " + d.path())
                .containsExactly("plan.stale-live main.web");
        cognito.remove(pool, clientId);
        assertThat(SavedPlanCheck.check(plan, desired, store.read(), cognito)).extracting(d -> d.message())
                .singleElement().asString().contains("was deleted");
    }

    @Test
    void stateChanges_areRecordedWithoutCognitoCalls() {
        apply(plan(stackOf(client("main", "web", web("web")))));
        int writes = cognito.calls().size();
        Plan protect = plan(stackOf(client("main", "web", web("web"), dev.cogform.core.testing.TestStacks.protect())));

        ApplyResult result = apply(protect);

        assertThat(result.stateChanges()).isEqualTo(1);
        assertThat(store.read().clients().values().iterator().next().preventDestroy()).isTrue();
        assertThat(cognito.calls().subList(writes, cognito.calls().size()))
                .noneMatch(c -> c.startsWith("CREATE") || c.startsWith("UPDATE") || c.startsWith("DELETE"));
    }

    @Test
    void creates_areBatched_intentsInOneWriteBeforeTheBatch_idsInOneWriteAfter() {
        List<DesiredClient> clients = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            clients.add(client("main", "c" + (100 + i), web("c" + (100 + i))));
        }

        ApplyResult result = apply(plan(stackOf(clients.toArray(DesiredClient[]::new))));

        assertThat(result.failed()).isFalse();
        List<String> events = log.entries().stream()
                .filter(e -> e.startsWith("state write") || e.startsWith("gateway CREATE"))
                .map(e -> e.startsWith("state write") ? e.replaceAll("#\\d+ ", "") : "create").toList();
        // 3 batches (10, 10, 5): each an intents write, its creates, and a write of the ids.
        assertThat(events).filteredOn(e -> e.startsWith("state")).hasSize(6);
        assertThat(events.subList(0, 12)).startsWith("state write clients=[] pending=[main.c100, main.c101, main.c102,"
                + " main.c103, main.c104, main.c105, main.c106, main.c107, main.c108, main.c109]");
        assertThat(events.subList(1, 11)).containsOnly("create");
        assertThat(events.get(11)).startsWith("state write clients=[main.c100,").endsWith("pending=[]");
        assertThat(store.read().clients()).hasSize(25);
        assertThat(store.read().pending()).isEmpty();
        assertThat(plan(stackOf(clients.toArray(DesiredClient[]::new))).hasChanges()).isFalse();
    }

    @Test
    void crash_inTheMiddleOfABatch_nextApplyAdoptsTheCreatedOnes_andCreatesTheRest_noDuplicate() {
        List<DesiredClient> clients = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            clients.add(client("main", "c" + i, web("c" + i)));
        }
        DesiredState desired = stackOf(clients.toArray(DesiredClient[]::new));
        Plan plan = plan(desired);
        cognito.failOn(Op.CREATE, 4, 1, new GatewayException(GatewayError.UNREACHABLE, "connection reset"), false);
        store.failWritesAfter(1); // the batch's intents are saved; the process "dies" before the ids are

        ApplyResult first = apply(plan);

        assertThat(first.failed()).isTrue();
        assertThat(first.with(Outcome.Status.FAILED)).extracting(o -> o.address().toString())
                .contains("main.c0", "main.c1", "main.c2", "main.c3", "main.c4");
        assertThat(first.with(Outcome.Status.FAILED).get(0).message()).contains("saving its id in the state failed");
        assertThat(cognito.clients(pool)).hasSize(4);
        store.failWritesAfter(Integer.MAX_VALUE);
        assertThat(store.read().pending()).hasSize(10);
        // At once, the creates that left nothing may still land: the plan waits for them.
        assertThat(plan(desired).diagnostics()).extracting(d -> d.rule()).contains("plan.pending-in-doubt");

        ApplyResult second = apply(planAt(desired, clock.instant().plusSeconds(181)));

        assertThat(second.failed()).as("%s", second.outcomes()).isFalse();
        assertThat(cognito.clients(pool)).hasSize(10);
        assertThat(cognito.clients(pool)).extracting(c -> c.settings().clientName()).doesNotHaveDuplicates();
        assertThat(store.read().pending()).isEmpty();
        assertThat(store.read().clients()).hasSize(10);
        assertThat(plan(desired).hasChanges()).isFalse();
    }

    @Test
    void aBatchsIntents_shareOneTime_soACrashLeavesOnlyTheCreateInFlightInDoubt() {
        List<DesiredClient> clients = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            clients.add(client("main", "c" + i, web("c" + i)));
        }
        DesiredState desired = stackOf(clients.toArray(DesiredClient[]::new));
        Plan plan = plan(desired);
        AtomicInteger ticks = new AtomicInteger();
        Clock ticking = new Clock() { // a real clock moves between the intents of one batch
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            public Instant instant() {
                return clock.instant().plusNanos(ticks.incrementAndGet());
            }
        };
        cognito.failOn(Op.CREATE, 2, 1, new GatewayException(GatewayError.UNREACHABLE, "connection reset"), false);
        store.failWritesAfter(1); // the batch's intents are saved; the process "dies" before the ids are

        new Applier(cognito, store, ticking, ApplyListener.NONE, 4).withRetries(NO_WAIT).apply(plan, store.read());
        store.failWritesAfter(Integer.MAX_VALUE);

        assertThat(store.read().pending()).hasSize(6).extracting(PendingCreate::at).containsOnly(
                store.read().pending().get(0).at());
        assertThat(plan(desired).diagnostics()).filteredOn(d -> d.rule().equals("plan.pending-in-doubt"))
                .extracting(Diagnostic::path).containsExactly("main.c2");
    }
}
