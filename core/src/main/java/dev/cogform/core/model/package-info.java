/**
 * The app-client domain as immutable values: {@link dev.cogform.core.model.AppClientSettings} is the
 * one canonical form of a client's settings, produced from YAML and from Cognito alike, so that equal
 * settings compare equal. Defaults are folded in here and nowhere else.
 * {@link dev.cogform.core.model.AppClientField} describes each field once (YAML key, SDK member,
 * type, default, create-only, drift severity); readers, mappers, schema and docs derive from it.
 */
package dev.cogform.core.model;
