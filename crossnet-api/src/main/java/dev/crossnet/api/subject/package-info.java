/** Subjects: what is put into the region, as reference pictures or a learned embedding. */
package dev.crossnet.api.subject;
