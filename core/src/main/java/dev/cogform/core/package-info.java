/**
 * cogform's engine: the app-client model, desired-state loading and validation, the planner and
 * applier, and the Cognito port with its AWS SDK adapter. The Cognito sandbox is a module of its own. No CLI code
 * and no printing lives here; results and errors are returned as data.
 */
package dev.cogform.core;
