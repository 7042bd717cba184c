package dev.cogform.cli.command;

import static dev.cogform.core.testing.TestStacks.client;
import static dev.cogform.core.testing.TestStacks.poolById;
import static dev.cogform.core.testing.TestStacks.stack;
import static dev.cogform.core.testing.TestStacks.web;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.cogform.cli.FakeServices;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code drift --notify} against a real HTTP server: one Slack-compatible message, retries on 5xx, warnings. */
class DriftNotifyTest {

    HttpServer server;
    final List<String> bodies = new CopyOnWriteArrayList<>();
    final AtomicInteger failFirst = new AtomicInteger();
    volatile int failStatus = 503;
    FakeServices services;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hooks/T000/SECRET", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            int status = failFirst.getAndDecrement() > 0 ? failStatus : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        services = new FakeServices();
        String pool = services.cognito.addPool("main");
        services.desired = stack(poolById("main", pool, client("main", "web", web("web"))));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/T000/SECRET";
    }

    @Test
    void notify_postsOneMessage_afterRetryingA5xx() throws Exception {
        failFirst.set(2);

        FakeServices.Run run = services.run("drift", "--notify", url());

        assertThat(run.exit()).as(run.err()).isEqualTo(2);
        assertThat(bodies).hasSize(3).allMatch(b -> b.equals(bodies.get(0)));
        JsonNode message = new ObjectMapper().readTree(bodies.get(0));
        assertThat(message.path("text").asText()).startsWith("cogform drift: 1 finding(s)");
        assertThat(message.path("blocks").toString()).contains("main.web", "in cogform.yaml but not created");
        assertThat(run.err()).doesNotContain("warning");
    }

    @Test
    void notify_whenItFails_warnsWithoutTheUrlsSecret_andExits1() {
        failFirst.set(100);
        failStatus = 404;

        FakeServices.Run run = services.run("drift", "--notify", url());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(bodies).hasSize(1);
        assertThat(run.err()).contains("warning: the notification was not delivered", "HTTP 404")
                .doesNotContain("SECRET");
    }

    @Test
    void notify_withNothingToSay_postsNothing() {
        services.desired = stack(poolById("main", services.desired.pools().get(0).id()));

        FakeServices.Run run = services.run("drift", "--notify", url());

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(0);
        assertThat(bodies).isEmpty();
    }
}
