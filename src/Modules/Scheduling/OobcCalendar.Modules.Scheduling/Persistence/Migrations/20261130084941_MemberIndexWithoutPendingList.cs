using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OobcCalendar.Modules.Scheduling.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MemberIndexWithoutPendingList : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_events_member_ids",
                schema: "scheduling",
                table: "events");

            migrationBuilder.CreateIndex(
                name: "ix_events_member_ids",
                schema: "scheduling",
                table: "events",
                column: "member_ids")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:StorageParameter:fastupdate", false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_events_member_ids",
                schema: "scheduling",
                table: "events");

            migrationBuilder.CreateIndex(
                name: "ix_events_member_ids",
                schema: "scheduling",
                table: "events",
                column: "member_ids")
                .Annotation("Npgsql:IndexMethod", "gin");
        }
    }
}
