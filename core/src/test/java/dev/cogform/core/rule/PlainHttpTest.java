package dev.cogform.core.rule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which URLs are plain http off a loopback host, read as a browser reads them (reference §4 rule 16). */
class PlainHttpTest {

    @ParameterizedTest
    @ValueSource(strings = {"http://a.example/cb", "HTTP://a.example", "http://user@a.example/cb",
        "http:/a.example/cb", "http:a.example/cb", "http:\\\\a.example\\cb", "http://a.example\\@localhost/cb",
        "http://localhost.a.example/cb", "http://127.0.0.2/cb"})
    void offLoopback(String url) {
        assertThat(UrlRules.plainHttpOffLoopback(url)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:3000/cb", "http://LOCALHOST/cb", "http://127.0.0.1/cb",
        "http://[::1]:8080/cb", "http://localhost\\cb", "http://a.example@localhost/cb", "https://a.example/cb",
        "myapp://cb", "httpx://a.example"})
    void notPlainHttpOffLoopback(String url) {
        assertThat(UrlRules.plainHttpOffLoopback(url)).isFalse();
    }
}
