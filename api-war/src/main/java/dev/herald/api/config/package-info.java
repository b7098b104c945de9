/** The API's typed configuration and its startup work (the bootstrap owner). */
package dev.herald.api.config;
