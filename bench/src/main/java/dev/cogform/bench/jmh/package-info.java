/**
 * JMH benchmarks of the engine in memory, without I/O. Built by {@code ./mvnw verify} into
 * {@code bench/target/benchmarks.jar} and run by hand ({@code java -jar bench/target/benchmarks.jar}),
 * never during the build. The quota-bound benchmark over HTTP is {@code cogform bench}.
 */
package dev.cogform.bench.jmh;
