using System.Collections;
using System.Reflection;
using EcsWorkshop.Simulator.Aws;
using EcsWorkshop.Simulator.Ecs.Wire;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Wire;

/// <summary>
/// Every answer ECS writes with a hand-written writer is built here by reflection — every member of every shape it
/// reaches, set, unset and mixed, with text that needs escaping and timestamps with and without fractions — and
/// written both ways. A member added to a wire shape and forgotten in its writer makes these fail (the filler sets
/// every public property it finds; a property of a type it does not know fails loudly).
/// </summary>
public sealed class HandWrittenAnswerCoverageTests : IDisposable
{
    private readonly SimulatedWorld _world = new();
    private readonly AwsJsonService _ecs;

    public HandWrittenAnswerCoverageTests() => _ecs = new EcsApi(_world.Engine).CreateService();

    private static readonly string[] HandWritten = ["DescribeServicesResponse", "DescribeTasksResponse", "ListTasksResponse"];

    public static TheoryData<string> Answers => new(HandWritten);

    [Fact]
    public void ECS_writes_DescribeServices_DescribeTasks_and_ListTasks_by_hand()
    {
        Assert.Equal(
            HandWritten.Order(),
            _ecs.HandWrittenAnswers.Select(t => t.Name).Order());
    }

    [Theory]
    [MemberData(nameof(Answers))]
    public void An_answer_with_every_member_set_is_the_serializers_bytes(string answer)
    {
        for (var text = 0; text < ShapeFiller.Texts.Length; text++)
        {
            var shape = new ShapeFiller(seed: text, ShapeFiller.Members.AllSet, text).Fill(AnswerType(answer));
            AssertSameBytes(shape);
        }
    }

    [Theory]
    [MemberData(nameof(Answers))]
    public void An_answer_with_every_member_unset_is_the_serializers_bytes(string answer) =>
        AssertSameBytes(new ShapeFiller(seed: 0, ShapeFiller.Members.AllUnset).Fill(AnswerType(answer)));

    [Theory]
    [MemberData(nameof(Answers))]
    public void Answers_with_members_set_at_random_are_the_serializers_bytes(string answer)
    {
        for (var seed = 0; seed < 300; seed++)
            AssertSameBytes(new ShapeFiller(seed, ShapeFiller.Members.Mixed).Fill(AnswerType(answer)));
    }

    [Fact]
    public void The_filler_refuses_a_member_type_it_does_not_know()
    {
        Assert.Throws<NotSupportedException>(() => new ShapeFiller(0, ShapeFiller.Members.AllSet).Fill(typeof(Dictionary<string, Guid>)));
    }

    private Type AnswerType(string name) => _ecs.HandWrittenAnswers.Single(t => t.Name == name);

    private void AssertSameBytes(object answer) =>
        Assert.Equal(AnswerBytes.AsSerialized(_ecs, answer), AnswerBytes.AsAnswered(_ecs, answer));

    public void Dispose() => _world.Dispose();

    /// <summary>Builds wire shapes by reflection, setting every public property.</summary>
    private sealed class ShapeFiller(int seed, ShapeFiller.Members members, int? text = null)
    {
        public enum Members { AllSet, AllUnset, Mixed }

        /// <summary>Text that the answer must escape as the serializer does: quotes, backslashes, controls, HTML characters, non-ASCII, emoji.</summary>
        public static readonly string[] Texts =
        [
            "web",
            "",
            "arn:aws:ecs:ap-northeast-1:123456789012:service/workshop/web",
            "日本語のサービス（テスト）",
            "\"quoted\" \\back\\slash/ <tag> & 'apos' +plus",
            "line\nbreak\ttab\rreturn\u0001\u001f\u007f",
            "🐳 コンテナ \u2028\u2029 é",
        ];

        private static readonly int[] Numbers = [0, 1, -1, 42, int.MaxValue, int.MinValue];

        private static readonly long[] Milliseconds = [1_733_540_000_000, 1_733_540_000_125, 1_733_540_000_250, 1_733_540_000_007, 0, -1_500];

        private readonly Random _random = new(seed);

        public object Fill(Type type) => Value(type, depth: 0) ?? throw new InvalidOperationException($"{type} was not filled.");

        private object? Value(Type type, int depth)
        {
            if (Nullable.GetUnderlyingType(type) is { } underlying) return Value(underlying, depth);
            if (type == typeof(string)) return Texts[text ?? _random.Next(Texts.Length)];
            if (type == typeof(int)) return Numbers[_random.Next(Numbers.Length)];
            if (type == typeof(long)) return (long)Numbers[_random.Next(Numbers.Length)] * 3;
            if (type == typeof(bool)) return _random.Next(2) == 0;
            if (type == typeof(DateTimeOffset)) return DateTimeOffset.FromUnixTimeMilliseconds(Milliseconds[_random.Next(Milliseconds.Length)]);
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>)) return List(type, depth);
            if (type.IsClass && type.Namespace == typeof(EcsApi).Namespace && type.GetConstructor(Type.EmptyTypes) is { } constructor)
                return depth > 8 ? null : Shape(constructor.Invoke(null), depth);
            throw new NotSupportedException($"The filler has no value for {type}: teach it one.");
        }

        private object Shape(object shape, int depth)
        {
            foreach (var property in shape.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
            {
                var unset = members == Members.AllUnset || (members == Members.Mixed && _random.Next(3) == 0);
                property.SetValue(shape, unset ? Unset(property.PropertyType) : Value(property.PropertyType, depth + 1));
            }
            return shape;
        }

        private static object? Unset(Type type) => type.IsValueType && Nullable.GetUnderlyingType(type) is null ? Activator.CreateInstance(type) : null;

        private IList List(Type type, int depth)
        {
            var element = type.GetGenericArguments()[0];
            var list = (IList)Activator.CreateInstance(type)!;
            var count = members == Members.AllSet ? 2 : _random.Next(4);
            for (var i = 0; i < count; i++)
                list.Add(element == typeof(object) ? AnyValue(depth) : Value(element, depth + 1));
            return list;
        }

        // Members typed object hold whatever was put there; the serializer writes each as its runtime type.
        private object AnyValue(int depth) => _random.Next(3) switch
        {
            0 => Value(typeof(string), depth)!,
            1 => Value(typeof(int), depth)!,
            _ => Value(typeof(TagShape), depth + 1)!,
        };
    }
}
