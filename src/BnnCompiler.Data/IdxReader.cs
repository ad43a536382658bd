using System.Buffers.Binary;

namespace BnnCompiler.Data;

/// <summary>Images read from an IDX file: <c>Count</c> images of <c>Height×Width</c> bytes, row-major.</summary>
public sealed record IdxImages(int Count, int Height, int Width, byte[] Pixels);

/// <summary>
/// Reads IDX files: the images of MNIST and Fashion-MNIST, <c>*-images-idx3-ubyte</c> (magic 0x00000803, dimensions
/// count, rows, columns), four-dimensional images (magic 0x00000804, or 0x00000D03/0x00000D04 for big-endian float32
/// elements) through <see cref="DatasetCatalog"/>, and labels <c>*-labels-idx1-ubyte</c> (magic 0x00000801,
/// dimension count), each plain or gzipped (recognised by the gzip magic, whatever the file is called).
/// Dimensions are big-endian 32-bit integers. Bad input raises a <see cref="BnnCompiler.Core.Diagnostics.DiagnosticException"/>
/// (BNN5002 missing, BNN5003 bad header, BNN5004 wrong size, BNN5008 unreadable).
/// </summary>
public static class IdxReader
{
    public const int ImagesMagic = 0x00000803;
    public const int LabelsMagic = 0x00000801;

    public static IdxImages ReadImages(string path) =>
        ReadImages(DataFiles.ReadAllBytes(path, "IDX images file"), path);

    public static byte[] ReadLabels(string path) =>
        ReadLabels(DataFiles.ReadAllBytes(path, "IDX labels file"), path);

    /// <param name="fileBytes">The file's bytes, plain or gzipped.</param>
    /// <param name="fileName">Named in diagnostics.</param>
    public static IdxImages ReadImages(byte[] fileBytes, string fileName)
    {
        var (dims, data, _) = Read(fileBytes, fileName, [3], floats: false, "images");
        return new IdxImages(dims[0], dims[1], dims[2], data);
    }

    /// <param name="fileBytes">The file's bytes, plain or gzipped.</param>
    /// <param name="fileName">Named in diagnostics.</param>
    public static byte[] ReadLabels(byte[] fileBytes, string fileName) =>
        Read(fileBytes, fileName, [1], floats: false, "labels").Data;

    /// <summary>An images file of rank 3 (N, H, W) or 4 (N, C, H, W or N, H, W, C), unsigned bytes or float32.</summary>
    internal static ImageArray ReadImageArray(string path)
    {
        var (dims, data, isFloat) = Read(DataFiles.ReadAllBytes(path, "IDX images file"), path, [3, 4], floats: true, "images");
        if (!isFloat)
        {
            return new ImageArray(path, "IDX", dims, data, null);
        }

        var values = new float[data.Length / 4];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadSingleBigEndian(data.AsSpan(4 * i));
        }

        return new ImageArray(path, "IDX", dims, null, values);
    }

    private static (int[] Dims, byte[] Data, bool IsFloat) Read(byte[] fileBytes, string fileName, int[] ranks, bool floats, string kind)
    {
        ArgumentNullException.ThrowIfNull(fileBytes);
        ArgumentNullException.ThrowIfNull(fileName);
        var expectedMagic = ranks[0] == 1 ? "0x00000801" : floats ? "0x00000803, 0x00000804, 0x00000D03 or 0x00000D04" : "0x00000803";
        var shape = ranks[0] == 1 ? "(count)" : ranks.Length > 1 ? "(count, rows, columns) or (count, 4 axes)" : "(count, rows, columns)";
        using var stream = DataFiles.Open(fileBytes);

        Span<byte> magic = stackalloc byte[4];
        var got = DataFiles.ReadUpTo(stream, magic, fileName);
        if (got < 4)
        {
            throw DataDiagnostics.Error(
                DataDiagnostics.Truncated,
                $"truncated IDX {kind} file {fileName}: {got} byte(s), too short for the 4-byte magic number {expectedMagic}");
        }

        var magicValue = BinaryPrimitives.ReadInt32BigEndian(magic);
        if (magic[0] != 0 || magic[1] != 0)
        {
            throw DataDiagnostics.Error(
                DataDiagnostics.BadHeader,
                $"{fileName} is not an IDX {kind} file: magic number 0x{magicValue:X8}, expected {expectedMagic} " +
                $"(an uncompressed or gzipped *-{(ranks[0] == 1 ? "labels-idx1" : "images-idx3")}-ubyte file)");
        }

        var isFloat = floats && magic[2] == 0x0D;
        if (magic[2] != 0x08 && !isFloat)
        {
            throw DataDiagnostics.Error(
                DataDiagnostics.BadHeader,
                $"IDX file {fileName} holds elements of type 0x{magic[2]:X2}; supported are unsigned bytes (0x08){(floats ? " and float32 (0x0D)" : "")}, magic {expectedMagic}");
        }

        var rank = (int)magic[3];
        if (!ranks.Contains(rank))
        {
            throw DataDiagnostics.Error(
                DataDiagnostics.BadHeader,
                $"IDX file {fileName} has {magic[3]} dimension(s) (magic 0x{magicValue:X8}); an IDX {kind} file has {string.Join(" or ", ranks)} {shape}, magic {expectedMagic}");
        }

        var itemSize = isFloat ? 4 : 1;
        Span<byte> header = stackalloc byte[4 * rank];
        got = DataFiles.ReadUpTo(stream, header, fileName);
        if (got < header.Length)
        {
            throw DataDiagnostics.Error(
                DataDiagnostics.Truncated,
                $"truncated IDX {kind} file {fileName}: the header ends after {4 + got} of {4 + header.Length} bytes");
        }

        var dims = new int[rank];
        long total = 1;
        for (var i = 0; i < rank; i++)
        {
            dims[i] = BinaryPrimitives.ReadInt32BigEndian(header[(4 * i)..]);
            if (dims[i] < 0 || (i > 0 && dims[i] == 0))
            {
                throw DataDiagnostics.Error(
                    DataDiagnostics.BadHeader,
                    $"IDX {kind} file {fileName} has an invalid dimension {dims[i]} {shape}");
            }

            total *= dims[i];
            if (total * itemSize > Array.MaxLength)
            {
                throw DataDiagnostics.Error(
                    DataDiagnostics.BadHeader,
                    $"IDX {kind} file {fileName} announces {string.Join('×', dims[..(i + 1)])} elements, more than one array can hold");
            }
        }

        total *= itemSize;
        var data = DataFiles.ReadAtMost(stream, total, fileName);
        if (data.Length < total)
        {
            throw DataDiagnostics.Error(
                DataDiagnostics.Truncated,
                $"truncated IDX {kind} file {fileName}: its header announces {string.Join('×', dims)}{(itemSize > 1 ? " × 4" : "")} = {total} data bytes, the file holds {data.Length}");
        }

        if (DataFiles.HasMore(stream, fileName))
        {
            throw DataDiagnostics.Error(
                DataDiagnostics.Truncated,
                $"IDX {kind} file {fileName} is longer than its header announces ({string.Join('×', dims)} = {total} data bytes): extra bytes after the data");
        }

        return (dims, data, isFloat);
    }
}
