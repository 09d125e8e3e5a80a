/** Test helpers shared by CrossNet's core tests: locating the shared golden data, assembling a tiny model. */
package dev.crossnet.core.testing;
