using BnnCompiler.Core.Diagnostics;

namespace BnnCompiler.Data;

/// <summary>
/// The dataset diagnostics (BNN5001..BNN5010). Every message names the file (or the name) it is about
/// and, where it helps, what is allowed.
/// </summary>
public static class DataDiagnostics
{
    /// <summary>Not a known dataset name, nor a path of a supported kind.</summary>
    public const string UnknownDataset = "BNN5001";

    /// <summary>A dataset file (images, labels, .npy, or its sibling) does not exist.</summary>
    public const string FileNotFound = "BNN5002";

    /// <summary>Wrong magic number or an unsupported header (IDX type/rank, .npy magic/version/header).</summary>
    public const string BadHeader = "BNN5003";

    /// <summary>The file holds fewer (or more) bytes than its header announces.</summary>
    public const string Truncated = "BNN5004";

    /// <summary>The images file and the labels file disagree on the number of items.</summary>
    public const string CountMismatch = "BNN5005";

    /// <summary>A .npy file of an unsupported dtype, shape or order.</summary>
    public const string UnsupportedNpy = "BNN5006";

    /// <summary>A value that is not a pixel byte (integer 0..255) or a label that is not 0..255.</summary>
    public const string BadValue = "BNN5007";

    /// <summary>A file that cannot be read: corrupt gzip stream, I/O error, access denied.</summary>
    public const string Unreadable = "BNN5008";

    /// <summary>A data set that an operating-system package provides is not installed.</summary>
    public const string NotInstalled = "BNN5009";

    /// <summary>Images whose shape does not fit the model's input.</summary>
    public const string ShapeMismatch = "BNN5010";

    internal static DiagnosticException Error(string code, string message) =>
        new(Diagnostic.Error(code, message));
}
