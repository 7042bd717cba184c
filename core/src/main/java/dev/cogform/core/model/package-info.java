/**
 * The app-client domain as immutable values: {@link dev.cogform.core.model.AppClientSettings} is the
 * one canonical form of a client's settings, produced from YAML and from Cognito alike, so that equal
 * settings compare equal. Defaults are folded in here and nowhere else.
 */
package dev.cogform.core.model;
