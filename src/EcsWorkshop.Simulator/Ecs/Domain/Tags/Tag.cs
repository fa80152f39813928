namespace EcsWorkshop.Simulator.Ecs.Domain.Tags;

/// <summary>A resource tag (key up to 128 characters, value up to 256).</summary>
public sealed record Tag(string Key, string Value);
