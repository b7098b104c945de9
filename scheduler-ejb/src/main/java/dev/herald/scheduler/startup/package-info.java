/** What runs once when the application starts, before any request is served. */
package dev.herald.scheduler.startup;
