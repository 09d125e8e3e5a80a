/**
 * Relation inversion (ReVersion) and count steering: learn a relation token from exemplar pictures, draw
 * with it, and steer a subject's number of instances through its cross-attention maps.
 */
package dev.crossnet.core.relation;
