/**
 * Several nodes as one: this node's place in the cluster, the frames nodes exchange on the
 * backplane, the state each node replicates, and the single-node backplane.
 * Implementation, not API.
 */
package io.hauyna.jakarta.internal.cluster;
