/** What every HTTP exchange gets: a request id, security headers, a log line, JSON conventions. */
package dev.herald.api.web;
