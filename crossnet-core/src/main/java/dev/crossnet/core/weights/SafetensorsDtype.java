package dev.crossnet.core.weights;

import ai.djl.ndarray.types.DataType;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The safetensors element types CrossNet reads and writes, with their DJL type and width in bytes. */
public enum SafetensorsDtype {
  F64(DataType.FLOAT64, 8),
  F32(DataType.FLOAT32, 4),
  F16(DataType.FLOAT16, 2),
  BF16(DataType.BFLOAT16, 2),
  I64(DataType.INT64, 8),
  I32(DataType.INT32, 4),
  I8(DataType.INT8, 1),
  U8(DataType.UINT8, 1),
  BOOL(DataType.BOOLEAN, 1);

  private final DataType djlType;
  private final int bytes;

  SafetensorsDtype(DataType djlType, int bytes) {
    this.djlType = djlType;
    this.bytes = bytes;
  }

  /** The DJL type with the same memory layout. */
  public DataType djlType() {
    return djlType;
  }

  /** Width of one element in bytes. */
  public int bytes() {
    return bytes;
  }

  /** Whether loading converts it to float32 (every floating type does). */
  public boolean isFloating() {
    return this == F64 || this == F32 || this == F16 || this == BF16;
  }

  /** The type of this header name ("F32", ...), if CrossNet supports it. */
  public static Optional<SafetensorsDtype> fromHeaderName(String name) {
    return Arrays.stream(values()).filter(d -> d.name().equals(name)).findFirst();
  }

  /** The safetensors type storing this DJL type, if any. */
  public static Optional<SafetensorsDtype> of(DataType type) {
    return Arrays.stream(values()).filter(d -> d.djlType == type).findFirst();
  }

  /** "F64, F32, ..." for error messages. */
  public static String supportedNames() {
    return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
  }
}
