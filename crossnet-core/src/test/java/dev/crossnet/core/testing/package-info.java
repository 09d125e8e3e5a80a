/** Test helpers shared by CrossNet's core tests: the shared golden data, a tiny model, bedrock files of every kind. */
package dev.crossnet.core.testing;
