/**
 * Reviewing a change to the desired state itself: {@link dev.cogform.core.review.DesiredDiff} compares
 * cogform.yaml at two commits, offline, with no state and no Cognito (what {@code cogform diff --base}
 * shows on a pull request). Reading the commits is the CLI's job; this package only compares.
 */
package dev.cogform.core.review;
