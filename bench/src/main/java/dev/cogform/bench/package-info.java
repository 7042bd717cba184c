/**
 * The performance benchmark behind {@code cogform bench}: seeds an in-process sandbox, measures a
 * refresh and plan (and optionally an apply) through the real SDK gateway with quotas on, and
 * compares the wall time with the quota floor, the least time Cognito's quotas allow for the requests
 * made. Returns data; the command line renders it.
 */
package dev.cogform.bench;
