using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OobcCalendar.Modules.Attendance.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class OfflineScans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "offline_scans",
                schema: "attendance",
                columns: table => new
                {
                    client_scan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    list_id = table.Column<Guid>(type: "uuid", nullable: false),
                    desk = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    scanned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    uploaded_by = table.Column<Guid>(type: "uuid", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    check_in_id = table.Column<Guid>(type: "uuid", nullable: true),
                    checked_in = table.Column<bool>(type: "boolean", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    checked_in_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    checked_in_desk = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    message = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_offline_scans", x => x.client_scan_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_offline_scans_list_id",
                schema: "attendance",
                table: "offline_scans",
                column: "list_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "offline_scans",
                schema: "attendance");
        }
    }
}
