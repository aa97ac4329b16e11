#pragma once
#include <functional>
#include <optional>
#include <utility>

// The application state behind the views: preferences, the current area and the view-models.
// Platform code owns the loop and the ImGui frame; App does one frame's work inside it.
#include "admin/user_admin.hpp"
#include "api/api_client.hpp"
#include "app/navigation.hpp"
#include "app/picked_file.hpp"
#include "audit/audit_page.hpp"
#include "configuration/configuration_page.hpp"
#include "knowledge/knowledge_page.hpp"
#include "notifications/inbox.hpp"
#include "notifications/routing_editor.hpp"
#include "counter/counter_locations.hpp"
#include "counter/counter_receipt.hpp"
#include "counter/counter_session.hpp"
#include "calendar/tokyo_time.hpp"
#include "dashboard/dashboard_view_model.hpp"
#include "i18n/catalog.hpp"
#include "identity/divisions.hpp"
#include "identity/password_change.hpp"
#include "identity/session.hpp"
#include "inventory/inventory_page.hpp"
#include "placement/placement_page.hpp"
#include "kit/kit_view.hpp"
#include "lending/lending_page.hpp"
#include "telemetry/telemetry_page.hpp"
#include "tickets/inquiry_form.hpp"
#include "tickets/inquiry_view.hpp"
#include "tickets/ticket_list_page.hpp"
#include "ui/style.hpp"
#include "ui/toasts.hpp"

namespace madoguchi::client {

struct Preferences {
    static constexpr int smallest_text_percent = 100;
    static constexpr int largest_text_percent = 200;
    static constexpr int text_percent_step = 25;

    i18n::Language language = i18n::Language::ja;
    bool wareki = false;  // show dates in 和暦
    Theme theme = Theme::standard;
    int text_percent = smallest_text_percent;  // font scale chosen by the user

    float text_scale() const { return static_cast<float>(text_percent) / 100.0F; }
    friend bool operator==(const Preferences&, const Preferences&) = default;
};

// How this terminal is set up, not who uses it: a lending counter runs in kiosk mode.
struct TerminalSettings {
    static constexpr int shortest_idle_seconds = 3;
    static constexpr int longest_idle_seconds = 3600;
    static constexpr int kiosk_text_percent = 150;  // large type for people standing at a counter

    bool kiosk = false;
    int idle_seconds = CounterSession::default_idle_seconds;
    // The ledger location of the counter this terminal stands at (`?counter=ID`), recorded
    // with every handover and return; 0 when not set up.
    std::int64_t counter_location_id = 0;
    friend bool operator==(const TerminalSettings&, const TerminalSettings&) = default;
};

class App {
public:
    App(ApiClient& api, DraftStore& drafts);

    // Asks the server who is signed in; `remembered` is the user this device last had (the
    // platform keeps Session::remembered() in local storage), for working offline.
    void start(std::optional<CurrentUser> remembered = std::nullopt);

    // Delivers finished requests, starts due ones and draws the UI; between ImGui::NewFrame and Render.
    void frame(calendar::Instant now);
    // True from the first frame drawn with data from the server.
    bool ready() const { return ready_; }

    Preferences& preferences() { return preferences_; }
    // Kiosk mode keeps the app on the counter screen, full-screen, in large type.
    void set_terminal(const TerminalSettings& settings);
    const TerminalSettings& terminal() const { return terminal_; }
    // The desk sets this terminal's counter on the counter screen; the platform keeps it
    // (`remember`, e.g. in the browser's storage) for the next start.
    void choose_counter(std::int64_t location_id);
    void on_terminal_change(std::function<void(const TerminalSettings&)> remember) { remember_terminal_ = std::move(remember); }
    float text_scale() const;
    // Input arrived from the person at the screen (keys, pointer): the counter is in use.
    void note_input();
    // The page is going away or out of sight: unsaved typing goes to the drafts now.
    void save_drafts_now() {
        inquiry_form_.flush();
        lending_page_.form.flush();
    }
    // The area on screen; one the user's roles do not allow shows the dashboard instead.
    Area area() const;
    void select(Area area) { area_ = area; }
    Session& session() { return session_; }
    const Session& session() const { return session_; }
    // Whether the signed-in (or remembered) user may open the area.
    bool allowed(Area area) const;
    Divisions& divisions() { return divisions_; }
    UserAdminPage& users_page() { return users_page_; }
    AuditPage& audit_page() { return audit_page_; }
    InventoryPage& inventory_page() { return inventory_page_; }
    PlacementPage& placement_page() { return placement_page_; }
    ConfigurationPage& configuration_page() { return configuration_page_; }
    KnowledgePage& knowledge_page() { return knowledge_page_; }
    TicketDeskPage& ticket_desk_page() { return ticket_desk_page_; }
    TelemetryPage& telemetry_page() { return telemetry_page_; }
    NotificationInbox& inbox() { return inbox_; }
    RoutingEditor& routing_editor() { return routing_editor_; }
    PasswordChange& password_change() { return password_change_; }
    // The user menu's password dialog is open.
    bool& password_dialog_open() { return password_dialog_open_; }
    // Offered where the platform can save a file (the browser): the audit log's CSV export.
    void set_download(std::function<void(const std::string& path)> download) { download_ = std::move(download); }
    bool can_download() const { return static_cast<bool>(download_); }
    void download(const std::string& path) const {
        if (download_) download_(path);
    }
    // Offered where the platform has a file chooser (the browser): imports and uploads.
    void set_file_picker(FilePicker picker) { file_picker_ = std::move(picker); }
    bool can_pick_files() const { return static_cast<bool>(file_picker_); }
    void pick_file(const std::string& accept, FilePicked done) const {
        if (file_picker_) file_picker_(accept, std::move(done));
    }
    DashboardViewModel& dashboard() { return dashboard_; }
    KitState& kit() { return kit_; }
    DraftStore& drafts() { return drafts_; }
    Outbox& outbox() { return outbox_; }
    InquiryForm& inquiry_form() { return inquiry_form_; }
    InquiryPageState& inquiry_page() { return inquiry_page_; }
    LendingPage& lending_page() { return lending_page_; }
    CounterSession& counter() { return counter_; }
    CounterLocations& counter_locations() { return counter_locations_; }
    std::string& counter_input() { return counter_input_; }
    // Scan verdicts to be heard: true accepted, false refused. The platform plays them.
    std::vector<bool> take_sounds() { return counter_.take_sounds(); }
    // Offered where the platform can print (the browser's print of the counter's receipts).
    void set_printer(std::function<void(const std::vector<ReceiptSheet>&)> printer) { printer_ = std::move(printer); }
    bool can_print() const { return static_cast<bool>(printer_); }
    void print(const std::vector<ReceiptSheet>& sheets) const {
        if (printer_) printer_(sheets);
    }
    Toasts& toasts() { return toasts_; }
    ApiClient& api() { return api_; }

    // A newer build of the web app is waiting in the browser (the platform layer says so);
    // the banner's button asks the platform layer to reload into it.
    bool update_available() const { return update_available_; }
    void set_update_available(bool available) { update_available_ = available; }
    void request_reload() { reload_requested_ = true; }
    bool take_reload_request() { return std::exchange(reload_requested_, false); }

private:
    void watch_connection(calendar::Instant now);
    void deliver_outbox();
    void follow_session();
    void prefill_requester();

    ApiClient& api_;
    Session session_;
    Divisions divisions_;
    bool started_ = false;
    calendar::Instant next_probe_;
    bool was_offline_ = false;
    Toasts toasts_;
    Preferences preferences_;
    TerminalSettings terminal_;
    std::function<void(const TerminalSettings&)> remember_terminal_;
    Area area_ = Area::dashboard;
    DashboardViewModel dashboard_;
    KitState kit_;
    DraftStore& drafts_;
    Outbox outbox_;
    InquiryForm inquiry_form_;
    InquiryPageState inquiry_page_;
    LendingPage lending_page_;
    CounterSession counter_;
    CounterLocations counter_locations_;
    std::string counter_input_;
    UserAdminPage users_page_;
    AuditPage audit_page_;
    InventoryPage inventory_page_;
    PlacementPage placement_page_;
    ConfigurationPage configuration_page_;
    KnowledgePage knowledge_page_;
    TicketDeskPage ticket_desk_page_;
    TelemetryPage telemetry_page_;
    NotificationInbox inbox_;
    RoutingEditor routing_editor_;
    PasswordChange password_change_;
    bool password_dialog_open_ = false;
    std::function<void(const std::string&)> download_;
    FilePicker file_picker_;
    Divisions::State prefilled_with_ = Divisions::State::idle;
    std::function<void(const std::vector<ReceiptSheet>&)> printer_;
    bool ready_ = false;
    bool update_available_ = false;
    bool reload_requested_ = false;
};

}  // namespace madoguchi::client
