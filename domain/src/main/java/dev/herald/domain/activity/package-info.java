/** What a tenant's bot did: counters and the activity log the dashboard shows. */
package dev.herald.domain.activity;
