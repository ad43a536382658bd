using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace BnnCompiler.Data;

/// <summary>
/// Reads NumPy .npy files (format versions 1.0, 2.0 and 3.0) holding float32 (<c>&lt;f4</c>), uint8
/// (<c>|u1</c>) or int64 (<c>&lt;i8</c>) little-endian data in C order. Bad input raises a
/// <see cref="BnnCompiler.Core.Diagnostics.DiagnosticException"/> (BNN5002 missing, BNN5003 bad
/// magic or header, BNN5004 wrong size, BNN5006 unsupported dtype or order).
/// </summary>
public static partial class NpyReader
{
    private static ReadOnlySpan<byte> Magic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    public static NpyArray Read(string path) => Read(DataFiles.ReadAllBytes(path, ".npy file"), path);

    /// <param name="fileBytes">The file's bytes.</param>
    /// <param name="fileName">Named in diagnostics.</param>
    public static NpyArray Read(byte[] fileBytes, string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileBytes);
        ArgumentNullException.ThrowIfNull(fileName);
        var bytes = fileBytes.AsSpan();
        if (bytes.Length < 8 || !bytes[..6].SequenceEqual(Magic))
        {
            if (bytes.Length < 8 && Magic[..Math.Min(6, bytes.Length)].SequenceEqual(bytes[..Math.Min(6, bytes.Length)]))
            {
                throw DataDiagnostics.Error(
                    DataDiagnostics.Truncated, $"truncated .npy file {fileName}: {bytes.Length} byte(s), shorter than the magic string and version");
            }

            throw DataDiagnostics.Error(
                DataDiagnostics.BadHeader, $"{fileName} is not a NumPy .npy file: it does not start with the magic string \\x93NUMPY");
        }

        int major = bytes[6], minor = bytes[7];
        int headerLengthSize = major switch
        {
            1 => 2,
            2 or 3 => 4,
            _ => throw DataDiagnostics.Error(
                DataDiagnostics.BadHeader,
                $".npy file {fileName} has format version {major}.{minor}; supported versions are 1.0, 2.0 and 3.0"),
        };

        if (bytes.Length < 8 + headerLengthSize)
        {
            throw DataDiagnostics.Error(DataDiagnostics.Truncated, $"truncated .npy file {fileName}: it ends inside the header length");
        }

        long headerLength = headerLengthSize == 2
            ? BinaryPrimitives.ReadUInt16LittleEndian(bytes[8..])
            : BinaryPrimitives.ReadUInt32LittleEndian(bytes[8..]);
        var dataOffset = 8 + headerLengthSize + headerLength;
        if (dataOffset > bytes.Length)
        {
            throw DataDiagnostics.Error(
                DataDiagnostics.Truncated,
                $"truncated .npy file {fileName}: the header announces {headerLength} bytes, the file ends after {bytes.Length - 8 - headerLengthSize}");
        }

        var headerBytes = bytes.Slice(8 + headerLengthSize, (int)headerLength);
        var header = major == 3 ? Encoding.UTF8.GetString(headerBytes) : Encoding.Latin1.GetString(headerBytes);
        var (dtype, itemSize, fortran, shape) = ParseHeader(header, fileName);

        var count = shape.Aggregate(1L, (a, b) => a * b);
        if (fortran && shape.Count(d => d != 1) > 1)
        {
            throw DataDiagnostics.Error(
                DataDiagnostics.UnsupportedNpy,
                $".npy file {fileName} is in Fortran order (shape {NpyArray.FormatShape(shape)}); only C order is supported (numpy.ascontiguousarray)");
        }

        var dataLength = bytes.Length - dataOffset;
        if (count > Array.MaxLength || count * itemSize > int.MaxValue)
        {
            throw DataDiagnostics.Error(
                DataDiagnostics.BadHeader, $".npy file {fileName} announces shape {NpyArray.FormatShape(shape)}, too large to load");
        }

        var expected = count * itemSize;
        if (dataLength != expected)
        {
            throw DataDiagnostics.Error(
                DataDiagnostics.Truncated,
                dataLength < expected
                    ? $"truncated .npy file {fileName}: shape {NpyArray.FormatShape(shape)} of {header.Trim()} needs {expected} data bytes, the file holds {dataLength}"
                    : $".npy file {fileName} is longer than its header announces: shape {NpyArray.FormatShape(shape)} needs {expected} data bytes, the file holds {dataLength}");
        }

        var data = bytes.Slice((int)dataOffset, (int)expected);
        return dtype switch
        {
            NpyDType.Float32 => new NpyArray(dtype, shape, ReadFloat32(data), null, null),
            NpyDType.UInt8 => new NpyArray(dtype, shape, null, data.ToArray(), null),
            _ => new NpyArray(dtype, shape, null, null, ReadInt64(data)),
        };
    }

    private static float[] ReadFloat32(ReadOnlySpan<byte> data)
    {
        var values = new float[data.Length / 4];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadSingleLittleEndian(data[(4 * i)..]);
        }

        return values;
    }

    private static long[] ReadInt64(ReadOnlySpan<byte> data)
    {
        var values = new long[data.Length / 8];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadInt64LittleEndian(data[(8 * i)..]);
        }

        return values;
    }

    private static (NpyDType DType, int ItemSize, bool Fortran, int[] Shape) ParseHeader(string header, string fileName)
    {
        var descr = DescrPattern().Match(header);
        var fortran = FortranPattern().Match(header);
        var shape = ShapePattern().Match(header);
        if (!descr.Success || !fortran.Success || !shape.Success)
        {
            throw DataDiagnostics.Error(
                DataDiagnostics.BadHeader,
                $".npy file {fileName} has an unreadable header (expected a dict with 'descr', 'fortran_order' and 'shape'): {header.Trim()}");
        }

        var (dtype, itemSize) = descr.Groups[1].Value switch
        {
            "<f4" => (NpyDType.Float32, 4),
            "|u1" or "<u1" or "u1" => (NpyDType.UInt8, 1),
            "<i8" => (NpyDType.Int64, 8),
            var other => throw DataDiagnostics.Error(
                DataDiagnostics.UnsupportedNpy,
                $".npy file {fileName} has dtype '{other}'; supported are '<f4' (float32), '|u1' (uint8) and '<i8' (int64), little-endian"),
        };

        var dims = new List<int>();
        foreach (var part in shape.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            // NumPy writes Python ints, sometimes with an L suffix (Python 2).
            var text = part.TrimEnd('L');
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var dim))
            {
                throw DataDiagnostics.Error(
                    DataDiagnostics.BadHeader, $".npy file {fileName} has an unreadable shape ({shape.Groups[1].Value})");
            }

            dims.Add(dim);
        }

        return (dtype, itemSize, fortran.Groups[1].Value == "True", dims.ToArray());
    }

    [GeneratedRegex(@"['""]descr['""]\s*:\s*['""]([^'""]*)['""]")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"['""]fortran_order['""]\s*:\s*(True|False)")]
    private static partial Regex FortranPattern();

    [GeneratedRegex(@"['""]shape['""]\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
