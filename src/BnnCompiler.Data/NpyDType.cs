namespace BnnCompiler.Data;

/// <summary>Element types that <see cref="NpyReader"/> reads.</summary>
public enum NpyDType
{
    /// <summary><c>&lt;f4</c>: little-endian IEEE single.</summary>
    Float32,

    /// <summary><c>|u1</c>: unsigned byte.</summary>
    UInt8,

    /// <summary><c>&lt;i8</c>: little-endian signed 64-bit integer.</summary>
    Int64,
}
