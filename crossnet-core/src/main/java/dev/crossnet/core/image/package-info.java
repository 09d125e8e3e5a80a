/** Pictures and masks as tensors: conversion, resizing, feathering and compositing. */
package dev.crossnet.core.image;
