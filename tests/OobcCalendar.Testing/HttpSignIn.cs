using System.Net;
using System.Text.RegularExpressions;

namespace OobcCalendar.Testing;

/// <summary>
/// Signs an <see cref="HttpClient"/> (with cookies) in through the real sign-in form, antiforgery token and
/// all, so endpoint tests exercise the same cookie a browser gets.
/// </summary>
public static partial class HttpSignIn
{
    /// <summary>Posts the sign-in form; throws unless the host answered with its sign-in cookie.</summary>
    public static async Task SignInAsync(this HttpClient client, string email, string password)
    {
        ArgumentNullException.ThrowIfNull(client);
        var form = await client.GetStringAsync(new Uri("/account/login", UriKind.Relative));
        var fields = HiddenInput().Matches(form).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["Input.Email"] = email;
        fields["Input.Password"] = password;
        using var content = new FormUrlEncodedContent(fields);
        using var response = await client.PostAsync(new Uri("/account/login", UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();
        // A client that does not follow redirects sees the 302 itself: success is a redirect away from the form.
        var redirect = (int)response.StatusCode is >= 300 and < 400;
        var backToForm = redirect
            ? response.Headers.Location?.OriginalString.Contains("/account/login", StringComparison.OrdinalIgnoreCase) == true
            : response.RequestMessage?.RequestUri?.AbsolutePath == "/account/login";
        if (body.Contains("data-testid=\"login-error\"", StringComparison.Ordinal) || backToForm)
        {
            throw new InvalidOperationException($"Signing in as {email} failed ({(int)response.StatusCode}).");
        }
    }

    [GeneratedRegex("""<input[^>]*type="hidden"[^>]*name="(?<name>[^"]+)"[^>]*value="(?<value>[^"]*)"[^>]*>""")]
    private static partial Regex HiddenInput();
}
