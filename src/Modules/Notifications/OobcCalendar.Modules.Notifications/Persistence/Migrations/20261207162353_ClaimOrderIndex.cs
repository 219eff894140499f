using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OobcCalendar.Modules.Notifications.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ClaimOrderIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_outgoing_messages_due",
                schema: "notifications",
                table: "outgoing_messages");

            migrationBuilder.CreateIndex(
                name: "ix_outgoing_messages_due",
                schema: "notifications",
                table: "outgoing_messages",
                columns: new[] { "next_attempt_at", "id" },
                filter: "status IN ('Pending', 'Failed', 'Sending')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_outgoing_messages_due",
                schema: "notifications",
                table: "outgoing_messages");

            migrationBuilder.CreateIndex(
                name: "ix_outgoing_messages_due",
                schema: "notifications",
                table: "outgoing_messages",
                column: "next_attempt_at",
                filter: "status IN ('Pending', 'Failed', 'Sending')");
        }
    }
}
