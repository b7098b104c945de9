/** The scheduler EJB module: startup work and the forwarding engine. */
package dev.herald.scheduler;
