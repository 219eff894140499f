using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OobcCalendar.Modules.Notifications.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SenderLiveness : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "leased_by",
                schema: "notifications",
                table: "outgoing_messages",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "leased_by",
                schema: "notifications",
                table: "outgoing_messages");
        }
    }
}
