/**
 * cogform's engine: the app-client model, desired-state loading and validation, the planner and
 * applier, the Cognito port with its AWS SDK adapter, and the embedded Cognito sandbox. No CLI code
 * and no printing lives here; results and errors are returned as data.
 */
package dev.cogform.core;
