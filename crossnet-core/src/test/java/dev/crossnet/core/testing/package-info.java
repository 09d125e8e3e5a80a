/** Test helpers shared by CrossNet's core tests: locating the shared golden data. */
package dev.crossnet.core.testing;
