using System.Text;

namespace EcsWorkshop.Images.Tests.Oci;

public sealed class DigestTests
{
    private const string HelloHex = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";

    [Fact]
    public void Bytes_and_a_stream_of_the_same_bytes_have_the_same_digest()
    {
        var bytes = Encoding.ASCII.GetBytes("hello");

        Assert.Equal($"sha256:{HelloHex}", Digest.Of(bytes).ToString());
        Assert.Equal(Digest.Of(bytes), Digest.Of(new MemoryStream(bytes)));
    }

    [Theory]
    [InlineData("sha256:" + HelloHex, true)]
    [InlineData("sha256:" + HelloHex + "\n", false)]
    [InlineData("sha256:2CF24DBA5FB0A30E26E83B2AC5B9E29E1B161E5C1FA7425E73043362938B9824", false)]
    [InlineData("sha512:" + HelloHex, false)]
    [InlineData("sha256:abc", false)]
    [InlineData(null, false)]
    public void Only_sha256_with_64_lower_case_hex_digits_is_a_digest(string? text, bool isDigest) =>
        Assert.Equal(isDigest, Digest.TryParse(text, out _));
}
