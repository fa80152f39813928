using System.Text.Json;

namespace EcsWorkshop.Images.Tests.Oci;

public sealed class DescriptorReadTests
{
    private const string Digest = "sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";

    private static Descriptor Read(string json) => Descriptor.Read(JsonDocument.Parse(json).RootElement);

    [Fact]
    public void A_descriptor_reads_its_media_type_digest_and_size()
    {
        var descriptor = Read($$"""{"mediaType":"{{MediaTypes.OciLayerGzip}}","digest":"{{Digest}}","size":5}""");

        Assert.Equal((MediaTypes.OciLayerGzip, Digest, 5L), (descriptor.MediaType, descriptor.Digest.ToString(), descriptor.Size));
    }

    [Fact]
    public void A_missing_media_type_reads_as_empty() =>
        Assert.Equal("", Read($$"""{"digest":"{{Digest}}","size":0}""").MediaType);

    [Theory]
    [InlineData("""{"size":1}""")]
    [InlineData("""{"digest":"md5:abc","size":1}""")]
    [InlineData("""{"digest":42,"size":1}""")]
    [InlineData("[]")]
    public void A_descriptor_without_a_sha256_digest_is_refused(string json) =>
        Assert.Equal("has no valid sha256 digest", Assert.Throws<FormatException>(() => Read(json)).Message);

    [Theory]
    [InlineData("")]
    [InlineData(""","size":-1""")]
    [InlineData(""","size":1.5""")]
    [InlineData(""","size":"1" """)]
    public void A_descriptor_without_a_whole_size_of_at_least_zero_is_refused(string size) =>
        Assert.Equal("has no valid size", Assert.Throws<FormatException>(() => Read("{\"digest\":\"" + Digest + "\"" + size + "}")).Message);
}
