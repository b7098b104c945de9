/**
 * Checks of the deployment files in {@code deploy/}: the Containerfile and the Kubernetes
 * manifests.
 */
package dev.herald.deploy;
