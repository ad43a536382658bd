using BnnCompiler.Core.Diagnostics;

namespace BnnCompiler.Hardware;

/// <summary>
/// Reads hardware specs: YAML text → <see cref="RawDocument"/> (structure checked) → <c>--set</c> overrides
/// applied → every value checked against <see cref="HardwareSpecSchema"/> and the cross-key rules → the
/// immutable <see cref="HardwareSpec"/>. Every problem found on the way is reported in one
/// <see cref="DiagnosticException"/>, sorted by position.
/// </summary>
public static class HardwareSpecLoader
{
    /// <summary>The shipped spec that reproduces the study's set-up, relative to the repository root.</summary>
    public const string DefaultSpecRelativePath = "hwspecs/default.yaml";

    /// <summary>Largest spec file read (1 MiB); the shipped specs are a few KiB.</summary>
    public const long MaxSpecBytes = 1024 * 1024;

    /// <summary>Deepest nesting of mappings and sequences read (a spec nests three levels).</summary>
    public const int MaxSpecDepth = 32;

    /// <summary>
    /// The full path of hwspecs/default.yaml, found by walking up from the program's folder and from the
    /// current folder (the CLI runs from the repository root or from its bin folder).
    /// </summary>
    /// <exception cref="DiagnosticException">BNN2001 when neither walk finds it.</exception>
    public static string DefaultSpecPath
    {
        get
        {
            var starts = new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() };
            foreach (var start in starts)
            {
                for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
                {
                    var candidate = Path.Combine(directory.FullName, "hwspecs", "default.yaml");
                    if (File.Exists(candidate))
                    {
                        return candidate;
                    }
                }
            }

            throw new DiagnosticException(Diagnostic.Error(
                HardwareSpecCodes.FileNotFound,
                $"{DefaultSpecRelativePath} not found in {string.Join(" or ", starts.Distinct())} or any folder above; pass a spec file explicitly",
                new SourceLocation(DefaultSpecRelativePath)));
        }
    }

    /// <summary>Reads and validates a spec file, then applies <paramref name="overrides"/> (<c>key.path=value</c>).</summary>
    /// <exception cref="DiagnosticException">With every problem found.</exception>
    public static HardwareSpec Load(string path, IReadOnlyList<string> overrides)
    {
        string text;
        try
        {
            var bytes = new FileInfo(path).Length;
            if (bytes > MaxSpecBytes)
            {
                throw new DiagnosticException(Diagnostic.Error(HardwareSpecCodes.TooLarge,
                    $"the spec file is {bytes:N0} bytes; a hardware spec is at most {MaxSpecBytes:N0} bytes", new SourceLocation(path)));
            }

            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new DiagnosticException(Diagnostic.Error(HardwareSpecCodes.FileNotFound, "hardware spec file not found", new SourceLocation(path)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new DiagnosticException(Diagnostic.Error(HardwareSpecCodes.FileNotFound, $"cannot read the hardware spec file: {e.Message}", new SourceLocation(path)));
        }

        return Parse(text, path, overrides);
    }

    /// <summary>Validates spec text; <paramref name="fileNameForMessages"/> becomes the file of every diagnostic and the spec's SourcePath.</summary>
    /// <exception cref="DiagnosticException">With every problem found.</exception>
    public static HardwareSpec Parse(string yamlText, string fileNameForMessages, IReadOnlyList<string> overrides)
    {
        if (yamlText.Length > MaxSpecBytes)
        {
            throw new DiagnosticException(Diagnostic.Error(HardwareSpecCodes.TooLarge,
                $"the spec text is {yamlText.Length:N0} characters; a hardware spec is at most {MaxSpecBytes:N0}", new SourceLocation(fileNameForMessages)));
        }

        var bag = new DiagnosticBag();
        var document = SpecYamlReader.Read(yamlText, fileNameForMessages, bag);
        if (document is null)
        {
            Throw(bag);
        }

        SpecOverrides.Apply(document, overrides, bag);
        return Finish(document, bag, checkVersion: true);
    }

    /// <summary>
    /// A spec with <paramref name="overrides"/> applied, checked exactly as a file would be (for sweeps).
    /// Problems with values the overrides did not touch point at the spec's SourcePath.
    /// </summary>
    /// <exception cref="DiagnosticException">With every problem found.</exception>
    public static HardwareSpec ApplyOverrides(HardwareSpec spec, IReadOnlyList<string> overrides)
    {
        var bag = new DiagnosticBag();
        var document = RawDocument.FromSpec(spec);
        SpecOverrides.Apply(document, overrides, bag);
        return Finish(document, bag, checkVersion: false);
    }

    private static HardwareSpec Finish(RawDocument document, DiagnosticBag bag, bool checkVersion)
    {
        var values = SpecValidator.Validate(document, bag, checkVersion);
        if (values is null || bag.HasErrors)
        {
            Throw(bag);
        }

        return SpecBuilder.Build(values, document.SourcePath);
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void Throw(DiagnosticBag bag)
    {
        // File positions first, in reading order; then --set items and file-level problems in the order found.
        var sorted = bag.Items
            .OrderBy(d => d.Location?.Line is null ? 1 : 0)
            .ThenBy(d => d.Location?.Line ?? 0)
            .ThenBy(d => d.Location?.Column ?? 0)
            .ToList();
        throw new DiagnosticException(sorted);
    }
}
