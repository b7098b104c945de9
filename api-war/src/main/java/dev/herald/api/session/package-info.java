/** Admin endpoints for the session pool and the API pairs sessions log in with. */
package dev.herald.api.session;
