using System.Xml.Linq;

namespace BnnCompiler.Architecture.Tests;

/// <summary>
/// The project reference graph of the repository's src/ and tools/ projects, read from the .csproj files, and the
/// check that every reference points to a strictly lower layer of <see cref="Layers"/>.
/// </summary>
public sealed record ProjectGraph(IReadOnlyDictionary<string, IReadOnlyList<string>> References)
{
    /// <summary>The intended layering, lowest first (the README's "Layout" section states the same graph). A project may
    /// reference only projects of lower layers; projects of one layer do not see each other.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Layers { get; } =
    [
        ["BnnCompiler.Core"],
        ["BnnCompiler.Hardware", "BnnCompiler.Passes", "BnnCompiler.Data"],
        ["BnnCompiler.Onnx", "BnnCompiler.Mapping"],
        ["BnnCompiler.Circuits", "BnnCompiler.Zoo"],
        ["BnnCompiler.Isa"],
        ["BnnCompiler.Simulator"],
        ["BnnCompiler.CostModel"],
        ["BnnCompiler.Evaluation"],
        ["BnnCompiler.Reports"],
        ["BnnCompiler.Cli"],
        ["BnnCompiler.Benchmark", "BnnCompiler.Trainer", "BnnCompiler.DatasetConvert"],
    ];

    /// <summary>Reads every .csproj under <paramref name="root"/>/src and <paramref name="root"/>/tools.</summary>
    public static ProjectGraph Read(string root)
    {
        var references = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var folder in new[] { "src", "tools" })
        {
            foreach (var csproj in Directory.EnumerateFiles(Path.Combine(root, folder), "*.csproj", SearchOption.AllDirectories))
            {
                var targets = XDocument.Load(csproj).Descendants("ProjectReference")
                    .Select(r => Path.GetFileNameWithoutExtension(((string?)r.Attribute("Include") ?? "").Replace('\\', '/')))
                    .ToList();
                references[Path.GetFileNameWithoutExtension(csproj)] = targets;
            }
        }

        return new ProjectGraph(references);
    }

    /// <summary>Every violation: a project missing from <paramref name="layers"/>, or a reference to the same or a higher layer.</summary>
    public IReadOnlyList<string> Violations(IReadOnlyList<IReadOnlyList<string>> layers)
    {
        var rank = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < layers.Count; i++)
        {
            foreach (var project in layers[i])
            {
                rank[project] = i;
            }
        }

        var problems = new List<string>();
        foreach (var (project, targets) in References)
        {
            if (!rank.TryGetValue(project, out var from))
            {
                problems.Add($"{project} is in no layer: add it to ProjectGraph.Layers and the README's layout");
                continue;
            }

            foreach (var target in targets)
            {
                if (!rank.TryGetValue(target, out var to))
                {
                    problems.Add($"{project} references {target}, which is in no layer");
                }
                else if (to >= from)
                {
                    problems.Add($"back edge: {project} (layer {from}) references {target} (layer {to})");
                }
            }
        }

        return problems;
    }

    /// <summary>True when <paramref name="from"/> reaches <paramref name="to"/> through references.</summary>
    public bool Reaches(string from, string to)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>([from]);
        while (stack.TryPop(out var p))
        {
            foreach (var t in References.GetValueOrDefault(p) ?? [])
            {
                if (t == to)
                {
                    return true;
                }

                if (seen.Add(t))
                {
                    stack.Push(t);
                }
            }
        }

        return false;
    }
}
