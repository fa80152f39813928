using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EcsWorkshop.Simulator.Tests.Hardening;

/// <summary>One request to throw at an operation: what it is, its body, and its <c>X-Amz-Target</c> (null: none).</summary>
public sealed record BadRequest(string Description, byte[] Body, string? Target)
{
    /// <summary>The body as text, cut short for a failure message.</summary>
    public string Excerpt
    {
        get
        {
            var text = Encoding.UTF8.GetString(Body);
            return text.Length <= 400 ? text : $"{text[..400]}… ({Body.Length} bytes)";
        }
    }
}

/// <summary>Where a value sits in a request body: the member names and list indexes that lead to it, and its declared type.</summary>
public sealed record Slot(IReadOnlyList<object> Path, Type Type)
{
    public WireKind Kind => WireShapes.KindOf(Type);

    public override string ToString() => Path.Count == 0 ? "(body)" : string.Join("", Path.Select(p => p is int i ? $"[{i}]" : $".{p}")).TrimStart('.');
}

/// <summary>
/// Bad input for one operation, derived from its request shape: a fixed corpus (every member missing, null, of every
/// wrong type, at its edges, huge; broken bodies and targets) and seeded random mutations of a good request.
/// </summary>
public sealed class BadInputs(string prefix, string operation, Type shape, JsonObject good)
{
    /// <summary>A string of 1 MiB.</summary>
    public static readonly string HugeText = new('n', 1 << 20);

    private string Target => $"{prefix}.{operation}";

    private IReadOnlyList<Slot> Slots => SlotsOf(good, shape);

    /// <summary>Every slot of a body, depth first, following the shape's member types.</summary>
    public static List<Slot> SlotsOf(JsonNode body, Type shape)
    {
        var slots = new List<Slot>();
        Walk(body, shape, [], slots);
        return slots;
    }

    private static void Walk(JsonNode? node, Type type, List<object> path, List<Slot> slots)
    {
        switch (WireShapes.KindOf(type))
        {
            case WireKind.Structure when node is JsonObject structure:
                foreach (var member in WireShapes.MembersOf(type))
                {
                    if (!structure.TryGetPropertyValue(member.Name, out var child)) continue;
                    List<object> at = [.. path, member.Name];
                    slots.Add(new Slot(at, member.Type));
                    Walk(child, member.Type, at, slots);
                }
                break;
            case WireKind.List when node is JsonArray list:
                for (var i = 0; i < list.Count; i++)
                {
                    List<object> at = [.. path, i];
                    slots.Add(new Slot(at, WireShapes.ElementOf(type)));
                    Walk(list[i], WireShapes.ElementOf(type), at, slots);
                }
                break;
            case WireKind.Map when node is JsonObject map:
                foreach (var (key, child) in map)
                {
                    List<object> at = [.. path, key];
                    slots.Add(new Slot(at, WireShapes.ElementOf(type)));
                    Walk(child, WireShapes.ElementOf(type), at, slots);
                }
                break;
        }
    }

    // ---- the corpus ----------------------------------------------------------------------------------------------

    /// <summary>The fixed corpus: broken targets and bodies, then every slot of the good request spoiled every way.</summary>
    public IEnumerable<BadRequest> Corpus()
    {
        foreach (var (description, target) in BadTargets()) yield return new(description, Bytes(good), target);
        foreach (var (description, body) in BadBodies()) yield return new(description, body, Target);
        yield return new("the good request", Bytes(good), Target);
        yield return new("the good request with unknown members", Bytes(With(good, [], n => ((JsonObject)n!)["fuzzUnknownMember"] = new JsonObject { ["x"] = 1 })), Target);
        foreach (var slot in Slots)
        {
            yield return new($"{slot} missing", Bytes(Without(good, slot)), Target);
            foreach (var (label, value) in Spoiled(slot.Type, includeHuge: true, allNames: slot.Path.Count == 1))
                yield return new($"{slot} = {label}", Bytes(Replace(good, slot, value)), Target);
            var depth = 63 - slot.Path.Count; // with the body and the path: the 64 levels a body may have
            if (slot.Kind == WireKind.Structure)
                yield return new($"{slot} gains an unknown member nested {depth} deep", Bytes(With(good, slot.Path, n => ((JsonObject)n!)["fuzzDeep"] = Nested(depth))), Target);
        }
        foreach (var member in WireShapes.MembersOf(shape).Where(m => !good.ContainsKey(m.Name)))
            foreach (var (label, value) in Spoiled(member.Type, includeHuge: false))
                yield return new($"{member.Name} (absent in the good request) = {label}", Bytes(Replace(good, new Slot([member.Name], member.Type), value)), Target);
    }

    private IEnumerable<(string, string?)> BadTargets()
    {
        yield return ("no X-Amz-Target header", null);
        yield return ("an empty X-Amz-Target", "");
        yield return ("an unknown operation", $"{prefix}.{operation}Bogus");
        yield return ("the operation in lower case", $"{prefix}.{operation.ToLowerInvariant()}");
        yield return ("the operation without its prefix", operation);
        yield return ("the prefix without an operation", $"{prefix}.");
        yield return ("an unknown prefix", $"Bogus_20200101.{operation}");
        yield return ("a dot only", ".");
        yield return ("an 8 KiB target", $"{prefix}.{new string('X', 8 * 1024)}");
    }

    private IEnumerable<(string, byte[])> BadBodies()
    {
        var text = good.ToJsonString();
        yield return ("an empty body", []);
        yield return ("malformed JSON", "{\"a\": "u8.ToArray());
        yield return ("an unterminated string", "{\"x\": \"abc"u8.ToArray());
        yield return ("the request cut in half", Encoding.UTF8.GetBytes(text[..(text.Length / 2)]));
        yield return ("a JSON array body", "[]"u8.ToArray());
        yield return ("the request inside an array", Encoding.UTF8.GetBytes($"[{text}]"));
        yield return ("a JSON string body", "\"CreateCluster\""u8.ToArray());
        yield return ("a JSON number body", "42"u8.ToArray());
        yield return ("a JSON boolean body", "true"u8.ToArray());
        yield return ("a JSON null body", "null"u8.ToArray());
        yield return ("trailing garbage", Encoding.UTF8.GetBytes(text + " trailing"));
        yield return ("two documents", Encoding.UTF8.GetBytes(text + text));
        yield return ("a trailing comma", "{\"a\": 1,}"u8.ToArray());
        yield return ("a comment", "/* comment */ {}"u8.ToArray());
        yield return ("a byte order mark", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)]);
        yield return ("invalid UTF-8", [.. "{\"fuzz\": \""u8, 0xFF, 0xFE, 0xC3, .. "\"}"u8]);
        yield return ("a NUL byte", [.. "{\"fuzz\": \"a"u8, 0x00, .. "\"}"u8]);
        yield return ("10000 nested arrays", Encoding.UTF8.GetBytes(new string('[', 10_000) + new string(']', 10_000)));
        yield return ("100 nested objects", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 100)));
        yield return ("a number with 400 digits", Encoding.UTF8.GetBytes("{\"n\": 1" + new string('0', 400) + "}"));
        yield return ("NaN", "{\"n\": NaN}"u8.ToArray());
        yield return ("unknown members only", "{\"fuzzUnknown\": 1, \"Another\": {\"deep\": [1, 2, 3]}}"u8.ToArray());
        yield return ("a member written twice", Encoding.UTF8.GetBytes(DuplicateFirstMember(text)));
        yield return ("1 MiB of whitespace", Encoding.UTF8.GetBytes(new string(' ', 1 << 20) + text));
        yield return ("an object of 10000 members", Encoding.UTF8.GetBytes("{" + string.Join(",", Enumerable.Range(0, 10_000).Select(i => $"\"m{i}\":{i}")) + "}"));
    }

    private static string DuplicateFirstMember(string text)
    {
        using var document = JsonDocument.Parse(text);
        var first = document.RootElement.EnumerateObject().FirstOrDefault();
        if (first.Value.ValueKind == JsonValueKind.Undefined) return "{\"a\": 1, \"a\": 2}";
        return "{" + $"{JsonSerializer.Serialize(first.Name)}: {first.Value.GetRawText()}, " + text[1..];
    }

    /// <summary>Every way to spoil a value of a type: null, each wrong type, each edge of its own type, and (optionally) huge.</summary>
    public static IEnumerable<(string Label, JsonNode? Value)> Spoiled(Type type, bool includeHuge, bool allNames = true)
    {
        yield return ("null", null);
        foreach (var wrong in WrongTypes(type)) yield return wrong;
        foreach (var edge in Edges(type, allNames)) yield return edge;
        if (includeHuge && HugeValue(type) is { } huge) yield return huge;
    }

    /// <summary>Values of every JSON type other than the one the member is read from.</summary>
    public static IEnumerable<(string, JsonNode?)> WrongTypes(Type type)
    {
        var kind = WireShapes.KindOf(type);
        if (kind == WireKind.Document) yield break;
        if (kind != WireKind.Text && kind != WireKind.Timestamp) yield return ("a string", "12");
        if (kind is not (WireKind.Integer or WireKind.Decimal or WireKind.Timestamp)) yield return ("a number", 12);
        if (kind != WireKind.Flag) yield return ("a boolean", true);
        if (kind != WireKind.List) yield return ("a list", new JsonArray("x", 1));
        if (kind is not (WireKind.Structure or WireKind.Map)) yield return ("an object", new JsonObject { ["x"] = "y" });
        if (kind == WireKind.List) yield return ("a list of a wrong element type", new JsonArray(WrongElement(WireShapes.ElementOf(type))));
        if (kind == WireKind.Map) yield return ("a map of a wrong value type", new JsonObject { ["k"] = WrongElement(WireShapes.ElementOf(type)) });
    }

    private static JsonNode? WrongElement(Type element) => WrongTypes(element).Select(w => w.Item2).FirstOrDefault() ?? new JsonArray();

    /// <summary>Values of the right JSON type at or past the edges of what makes sense.</summary>
    public static IEnumerable<(string, JsonNode?)> Edges(Type type, bool allNames = true)
    {
        switch (WireShapes.KindOf(type))
        {
            case WireKind.Text:
                foreach (var name in allNames ? InvalidNames : InvalidNames.Take(10)) yield return ($"the text {Quote(name)}", name);
                break;
            case WireKind.Integer:
                foreach (var number in new[] { 0L, -1L, int.MinValue, int.MaxValue, (long)int.MaxValue + 1, long.MaxValue })
                    yield return ($"{number}", number);
                yield return ("1.5", 1.5);
                yield return ("1e30", 1e30);
                break;
            case WireKind.Decimal:
                yield return ("-1e308", -1e308);
                yield return ("1e308", 1e308);
                break;
            case WireKind.Timestamp:
                foreach (var number in new[] { 0, -1, -1e15, 1e15, 1e300, -1e300 }) yield return ($"the time {number}", number);
                yield return ("a timestamp text that is no time", "not-a-time");
                yield return ("the year 9999", "9999-12-31T23:59:59Z");
                yield return ("the year 1", "0001-01-01T00:00:00Z");
                break;
            case WireKind.List:
                yield return ("an empty list", new JsonArray());
                yield return ("a list of null", new JsonArray((JsonNode?)null));
                break;
            case WireKind.Map:
                yield return ("an empty map", new JsonObject());
                yield return ("a map with an empty key", new JsonObject { [""] = "v" });
                break;
            case WireKind.Structure:
                yield return ("an empty structure", new JsonObject());
                yield return ("a structure of unknown members", new JsonObject { ["fuzzUnknown"] = 1 });
                break;
            case WireKind.Document:
                yield return ("60 nested lists", Nested(60));
                yield return ("a string", "text");
                break;
        }
    }

    /// <summary>Names AWS would refuse (or must at least survive).</summary>
    public static readonly string[] InvalidNames =
    [
        "", " ", "bad name!", "名前", "\u0000", "\ud800", new string('a', 256), "a:b", "../../etc/passwd",
        "arn:aws:ecs:us-east-1:123456789012:cluster/elsewhere", "arn:aws:ecs:ap-northeast-1:123456789012:", "a/b/c",
        "tab\tand\nnewline", "arn:", "*", "%00", "x:0", "x:-1", "x:99999999999", "family:", ":1", new string('a', 2049),
        "sha256:", "sha256:zz", "<script>", "'; DROP TABLE entities; --",
    ];

    private static (string, JsonNode?)? HugeValue(Type type) => WireShapes.KindOf(type) switch
    {
        WireKind.Text => ("1 MiB of text", HugeText),
        WireKind.List => ("10000 elements", new JsonArray([.. Enumerable.Range(0, 10_000).Select(_ => WireShapes.Plausible(WireShapes.ElementOf(type), "x", _ => null))])),
        WireKind.Map => ("10000 keys", new JsonObject(Enumerable.Range(0, 10_000).Select(i => KeyValuePair.Create($"k{i}", WireShapes.Plausible(WireShapes.ElementOf(type), "x", _ => null))))),
        _ => null,
    };

    private static JsonNode Nested(int depth)
    {
        JsonNode node = new JsonArray();
        for (var i = 1; i < depth; i++) node = new JsonArray(node);
        return node;
    }

    private static string Quote(string text) => JsonSerializer.Serialize(text.Length > 20 ? text[..20] + "…" : text);

    // ---- random mutations ----------------------------------------------------------------------------------------

    /// <summary>A random bad request: one to three mutations of the good request (now and then a broken body).</summary>
    public BadRequest Random(Random random)
    {
        if (random.NextDouble() < 0.04)
        {
            var bodies = BadBodies().ToList();
            var (description, body) = bodies[random.Next(bodies.Count)];
            return new(description, body, Target);
        }
        JsonNode current = good.DeepClone();
        var steps = new List<string>();
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            var slots = SlotsOf(current, shape);
            if (slots.Count == 0 || random.NextDouble() < 0.1)
            {
                var member = WireShapes.MembersOf(shape) is { Count: > 0 } members ? members[random.Next(members.Count)] : null;
                if (member is null) break;
                var value = RandomValue(random, member.Type);
                steps.Add($"{member.Name} = {value.Label}");
                current = Replace(current, new Slot([member.Name], member.Type), value.Value);
                continue;
            }
            var slot = slots[random.Next(slots.Count)];
            switch (random.Next(10))
            {
                case 0:
                    steps.Add($"{slot} missing");
                    current = Without(current, slot);
                    break;
                case 1 when slot.Kind == WireKind.Structure:
                    steps.Add($"{slot} gains an unknown member");
                    current = With(current, slot.Path, n => { if (n is JsonObject o) o[$"fuzz{random.Next(1000)}"] = RandomJson(random, 3); });
                    break;
                case 2 when slot.Kind == WireKind.List:
                    var copies = random.Next(2, 200);
                    steps.Add($"{slot} repeated {copies} times");
                    current = With(current, slot.Path, n => { if (n is JsonArray a && a.Count > 0) for (var i = 0; i < copies; i++) a.Add(a[0]?.DeepClone()); });
                    break;
                default:
                    var value = RandomValue(random, slot.Type);
                    steps.Add($"{slot} = {value.Label}");
                    current = Replace(current, slot, value.Value);
                    break;
            }
        }
        return new(string.Join("; ", steps), Bytes(current), Target);
    }

    private static (string Label, JsonNode? Value) RandomValue(Random random, Type type)
    {
        var roll = random.NextDouble();
        if (roll < 0.02 && HugeValue(type) is { } huge) return huge;
        if (roll < 0.35)
        {
            var spoiled = Spoiled(type, includeHuge: false).ToList();
            return spoiled[random.Next(spoiled.Count)];
        }
        if (roll < 0.55 && WireShapes.KindOf(type) == WireKind.Text)
        {
            var text = RandomText(random);
            return ($"the random text {Quote(text)}", text);
        }
        if (roll < 0.7 && WireShapes.KindOf(type) == WireKind.Integer)
        {
            var number = random.Next(4) switch { 0 => random.Next(-5, 20), 1 => random.NextInt64(int.MinValue, int.MaxValue), 2 => random.NextInt64(), _ => random.Next(0, 100_000) };
            return ($"{number}", number);
        }
        var json = RandomJson(random, 4);
        return ($"the random JSON {Quote(json?.ToJsonString() ?? "null")}", json);
    }

    /// <summary>Random text: letters, digits, punctuation, controls and non-ASCII, of random length.</summary>
    public static string RandomText(Random random)
    {
        const string alphabet = "abcXYZ0129-_./:@*? \t\n\\\"'%#&=+名前é\u0000\u007f";
        var length = random.Next(5) switch { 0 => 0, 1 => random.Next(1, 4), 2 => random.Next(250, 260), 3 => random.Next(1, 64), _ => random.Next(1000, 5000) };
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++) text.Append(alphabet[random.Next(alphabet.Length)]);
        return text.ToString();
    }

    /// <summary>A random JSON value, nested at most <paramref name="depth"/> deep.</summary>
    public static JsonNode? RandomJson(Random random, int depth) => random.Next(depth <= 0 ? 5 : 7) switch
    {
        0 => null,
        1 => random.Next(2) == 0,
        2 => random.Next(3) switch { 0 => random.Next(), 1 => -random.NextDouble() * 1e10, _ => (JsonNode)random.NextInt64() },
        3 => RandomText(random),
        4 => "",
        5 => new JsonArray([.. Enumerable.Range(0, random.Next(4)).Select(_ => RandomJson(random, depth - 1))]),
        _ => new JsonObject(Enumerable.Range(0, random.Next(4)).Select(i => KeyValuePair.Create($"{RandomText(random)}{i}", RandomJson(random, depth - 1)))),
    };

    // ---- editing a body ------------------------------------------------------------------------------------------

    /// <summary>A copy of <paramref name="body"/> with the value at <paramref name="slot"/> replaced (or added).</summary>
    public static JsonNode Replace(JsonNode body, Slot slot, JsonNode? value) =>
        With(body, slot.Path.SkipLast(1).ToList(), parent =>
        {
            var last = slot.Path[^1];
            if (parent is JsonObject o && last is string key) o[key] = value?.DeepClone();
            else if (parent is JsonArray a && last is int i && i < a.Count) a[i] = value?.DeepClone();
        });

    /// <summary>A copy of <paramref name="body"/> without the value at <paramref name="slot"/>.</summary>
    public static JsonNode Without(JsonNode body, Slot slot) =>
        With(body, slot.Path.SkipLast(1).ToList(), parent =>
        {
            var last = slot.Path[^1];
            if (parent is JsonObject o && last is string key) o.Remove(key);
            else if (parent is JsonArray a && last is int i && i < a.Count) a.RemoveAt(i);
        });

    private static JsonNode With(JsonNode body, IReadOnlyList<object> path, Action<JsonNode?> edit)
    {
        var copy = body.DeepClone();
        JsonNode? node = copy;
        foreach (var step in path)
            node = step switch
            {
                string key when node is JsonObject o => o[key],
                int i when node is JsonArray a && i < a.Count => a[i],
                _ => null,
            };
        edit(node);
        return copy;
    }

    private static byte[] Bytes(JsonNode body) => Encoding.UTF8.GetBytes(body.ToJsonString());
}
