using System.IO.Compression;

namespace BnnCompiler.Data;

/// <summary>File access shared by the readers: every failure becomes a dataset diagnostic naming the file.</summary>
internal static class DataFiles
{
    public static byte[] ReadAllBytes(string path, string what)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw DataDiagnostics.Error(DataDiagnostics.FileNotFound, $"{what} not found: {path}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw DataDiagnostics.Error(DataDiagnostics.Unreadable, $"cannot read {what} {path}: {e.Message}");
        }
    }

    public static bool IsGzip(ReadOnlySpan<byte> bytes) => bytes.Length >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b;

    /// <summary>A stream over the file's content, decompressed when it starts with the gzip magic.</summary>
    public static Stream Open(byte[] bytes)
    {
        var raw = new MemoryStream(bytes, writable: false);
        return IsGzip(bytes) ? new GZipStream(raw, CompressionMode.Decompress) : raw;
    }

    /// <summary>Reads until <paramref name="buffer"/> is full or the stream ends; returns the bytes read.</summary>
    public static int ReadUpTo(Stream stream, Span<byte> buffer, string fileName)
    {
        try
        {
            var total = 0;
            while (total < buffer.Length)
            {
                var n = stream.Read(buffer[total..]);
                if (n == 0)
                {
                    break;
                }

                total += n;
            }

            return total;
        }
        catch (InvalidDataException e)
        {
            throw DataDiagnostics.Error(DataDiagnostics.Unreadable, $"corrupt gzip stream in {fileName}: {e.Message}");
        }
    }

    /// <summary>
    /// Reads <paramref name="count"/> bytes, or fewer when the stream ends first (the result is then shorter).
    /// Grows its buffer as data arrives, so a header announcing a huge size does not allocate it up front.
    /// </summary>
    public static byte[] ReadAtMost(Stream stream, long count, string fileName)
    {
        var buffer = new byte[Math.Min(count, 1 << 24)];
        var total = 0;
        while (true)
        {
            total += ReadUpTo(stream, buffer.AsSpan(total), fileName);
            if (total < buffer.Length || buffer.Length == count)
            {
                break;
            }

            Array.Resize(ref buffer, (int)Math.Min(count, 2L * buffer.Length));
        }

        if (total < buffer.Length)
        {
            Array.Resize(ref buffer, total);
        }

        return buffer;
    }

    /// <summary>True when the stream has at least one more byte.</summary>
    public static bool HasMore(Stream stream, string fileName)
    {
        Span<byte> one = stackalloc byte[1];
        return ReadUpTo(stream, one, fileName) == 1;
    }
}
