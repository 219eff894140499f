using Mediator;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using OobcCalendar.Modules.Resources.Contracts;
using OobcCalendar.Modules.Sharing.Contracts;
using OobcCalendar.Modules.Sharing.Domain;
using OobcCalendar.Modules.Sharing.Features.Links;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.LiveUpdates;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Sharing.UI.Pages;

/// <summary>The signed-in user's share links: create one (token shown once, with a QR), pause, regenerate, revoke.</summary>
public partial class MyShareLinksPage
{
    private readonly LinkForm form = new();
    private int version;
    private (string Token, bool AllowEmbed)? created;
    private int maxDays = SharingSettings.DefaultMaxExpiryDays;
    private Guid? myUnit;
    private IReadOnlyList<ManagedResource> resources = [];

    [Inject]
    private IMediator Mediator { get; set; } = default!;

    [Inject]
    private ICurrentUser CurrentUser { get; set; } = default!;

    [Inject]
    private IUserDirectory Directory { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    private bool IsAdmin => CurrentUser.IsInRole(Roles.Admin);

    private bool CanShareUnit => myUnit is not null && (CurrentUser.IsInRole(Roles.Manager) || IsAdmin);

    /// <inheritdoc />
    protected override IReadOnlyCollection<string> LiveTopics => [SharingTopics.Links];

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        myUnit = (await Directory.FindAsync(CurrentUser.Id, CancellationToken.None))?.OrganisationUnitId;
        maxDays = await Mediator.Send(new GetMaxShareExpiry());
        resources = await Mediator.Send(new ListManagedResources());
    }

    /// <inheritdoc />
    protected override Task OnLiveUpdateAsync(LiveUpdate update)
    {
        version++;
        return Task.CompletedTask;
    }

    private async Task CreateAsync()
    {
        var modules = (form.Events ? ShareModules.Events : 0) | (form.Bookings ? ShareModules.Bookings : 0) | (form.Leave ? ShareModules.Leave : 0) | (form.Holidays ? ShareModules.Holidays : 0);
        DateTimeOffset? expires = form.Expires is { } day ? new DateTimeOffset(day.Date.AddDays(1), TimeSpan.Zero) : null;
        var command = new CreateShareLink(form.Scope, form.Scope switch { ShareScope.Unit => myUnit, ShareScope.Resource => form.ResourceId, _ => null }, modules, form.Level, form.Label ?? string.Empty, expires, form.Pin, form.AllowEmbed);
        try
        {
            var result = await Mediator.Send(command);
            created = (result.Token, form.AllowEmbed);
            form.Label = null;
            form.Pin = null;
            version++;
        }
        catch (UserFacingException e)
        {
            Snackbar.Add(e.Message, Severity.Error);
        }
    }

    private sealed class LinkForm
    {
        public string? Label { get; set; }

        public ShareScope Scope { get; set; } = ShareScope.MyCalendar;

        public ShareDetailLevel Level { get; set; } = ShareDetailLevel.Titles;

        public DateTime? Expires { get; set; }

        public string? Pin { get; set; }

        public bool Events { get; set; } = true;

        public bool Bookings { get; set; } = true;

        public bool Leave { get; set; } = true;

        public bool Holidays { get; set; }

        public Guid? ResourceId { get; set; }

        public bool AllowEmbed { get; set; }
    }
}
