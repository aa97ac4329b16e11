#include "app/app.hpp"

#include <algorithm>

#include "app/app_view.hpp"
#include "ui/item_registry.hpp"
#include "ui/text_entry.hpp"

namespace madoguchi::client {

namespace {
constexpr std::int64_t probe_interval_seconds = 2;
}

App::App(ApiClient& api, DraftStore& drafts)
    : api_(api),
      session_(api),
      drafts_(drafts),
      outbox_(drafts, api),
      inquiry_form_(drafts, outbox_),
      inquiry_page_(api),
      lending_page_(drafts, outbox_, i18n::Language::ja),
      users_page_(divisions_, i18n::Language::ja),
      audit_page_(i18n::Language::ja),
      inventory_page_(i18n::Language::ja),
      configuration_page_(i18n::Language::ja),
      knowledge_page_(i18n::Language::ja),
      ticket_desk_page_(i18n::Language::ja),
      telemetry_page_(i18n::Language::ja),
      inbox_(api) {
    outbox_.add_route(inquiry_form_name, {"/api/v1/inquiries", "/inquiry/number", "inquiry.sent_toast",
                                          "inquiry.needs_changes", "inquiry.rejected"});
    outbox_.add_route(loan_request_form_name, {"/api/v1/lending/requests", "/request/number", "lending_client.sent",
                                               "lending_client.needs_changes", "lending_client.refused"});
    outbox_.add_route(loss_report_form_name, {"/api/v1/lending/loss-reports", "/loss_report/ticket/number",
                                              "lending_client.loss.sent", "lending_client.loss.needs_changes",
                                              "lending_client.loss.refused"});
}

void App::start(std::optional<CurrentUser> remembered) {
    started_ = true;
    session_.start(std::move(remembered));
}

void App::frame(calendar::Instant now) {
    if (!started_) start();
    start_text_entry_frame();
    api_.drain();
    follow_session();
    watch_connection(now);
    if (counter_.update(std::chrono::system_clock::now())) counter_input_.clear();
    if (drafts_.loaded()) {
        const auto steady_now = Toasts::Clock::now();
        // Typing is saved under the sign-in overlay too; sending waits for a session.
        inquiry_form_.update(steady_now);
        lending_page_.form.update(steady_now);
        lending_page_.loss.update(steady_now);
        if (session_.working()) outbox_.update(steady_now);
        deliver_outbox();
    }
    dashboard_.update(api_, now);
    if (session_.working()) inbox_.update(NotificationInbox::Clock::now());
    toasts_.expire(Toasts::Clock::now());
    draw_app(*this, now);
    finish_item_frame();
    // Ready once the server has answered and the screen shows it: the sign-in screen, or the
    // app with the dashboard's data.
    if (session_.decided() && (!session_.working() || dashboard_.has_data())) ready_ = true;
}

// Keeps the screens in step with who is signed in: the outbox sends their drafts, the form
// fills in their details, and a different user starts on a screen their roles allow.
void App::follow_session() {
    session_.update();
    const auto* user = session_.user();
    if (session_.take_user_changed()) {
        // Nothing of the previous user's admin screens stays open for the next one.
        users_page_.started = false;
        users_page_.editor.close();
        users_page_.new_user.clear();
        users_page_.new_user_open = false;
        audit_page_.started = false;
        // Another user may see other devices (a manager only the own division's).
        inventory_page_.started = false;
        inventory_page_.pane.close();
        // Requests are scoped too: a manager the division's, a vendor its company's.
        placement_page_.started = false;
        placement_page_.form_open = false;
        placement_page_.opened.close();
        configuration_page_.started = false;
        configuration_page_.pane.close();
        // Staff read other articles than the desk.
        knowledge_page_.started = false;
        knowledge_page_.editor.close();
        knowledge_page_.followed = 0;
        // Tickets are scoped by role and division: the next user's list is read afresh.
        ticket_desk_page_.started = false;
        ticket_desk_page_.detail.close();
        // Lending lists are scoped like tickets; the queue's opened request is not the next user's.
        lending_page_.started = false;
        lending_page_.queue.close();
        lending_page_.mine.close_loan();
        lending_page_.loss_incident.clear();
        // The next user starts on the fleet's first page, with no device open, and reads only
        // what they may see (a vendor's toner orders are its company's only).
        telemetry_page_.forget();
        inbox_.clear();
        routing_editor_.close();
        password_change_.clear();
        password_dialog_open_ = false;
    }
    if (user != nullptr && lending_page_.form.owner() != user->login) lending_page_.form.set_owner(user->login);
    if (user != nullptr && lending_page_.loss.owner() != user->login) lending_page_.loss.set_owner(user->login);
    if (user != nullptr && inquiry_form_.owner() != user->login) {
        outbox_.set_owner(user->login);
        prefill_requester();
    }
    if (session_.take_signed_in()) {
        divisions_.load(api_);
        outbox_.send_all(Toasts::Clock::now());
    }
    if (user != nullptr && divisions_.state() != prefilled_with_) prefill_requester();
}

void App::prefill_requester() {
    const auto* user = session_.user();
    if (user == nullptr) return;
    tickets::Inquiry details;
    details.requester_name = user->name;
    details.division = divisions_.name_of(user->division_code, i18n::Language::ja);
    details.contact = user->email;
    inquiry_form_.set_requester(user->login, details);
    prefilled_with_ = divisions_.state();
}

Area App::area() const {
    // A kiosk is a counter terminal whoever signs in; the server still checks every request.
    if (terminal_.kiosk) return Area::counter;
    return allowed(area_) ? area_ : Area::dashboard;
}

bool App::allowed(Area area) const {
    const auto* user = session_.user();
    return user != nullptr && area_allowed(area, user->roles);
}

// While the server is unreachable and nothing else is trying, ask it for its health every
// few seconds, so the banner goes away as soon as it answers again.
void App::watch_connection(calendar::Instant now) {
    if (was_offline_ && !api_.offline()) {
        toasts_.show(ToastKind::success, "connection.restored", Toasts::Clock::now());
        session_.network_back();
        if (session_.working()) outbox_.send_all(Toasts::Clock::now());
    }
    was_offline_ = api_.offline();
    if (!api_.offline() || api_.in_flight() > 0 || now < next_probe_) return;
    next_probe_ = calendar::Instant{now.unix_seconds + probe_interval_seconds};
    api_.get("/api/v1/health", [](const ApiResult&) {});
}

// Tells the user what became of each submission, also of those sent after a reload.
void App::deliver_outbox() {
    const auto now = Toasts::Clock::now();
    for (const auto& event : outbox_.take_events()) {
        // A refused loan request goes back into its form, shown at once.
        if (lending_page_.form.outbox_event(event)) lending_page_.select_form = true;
        lending_page_.loss.outbox_event(event);
        const bool sent = event.kind == OutboxEvent::Kind::sent;
        toasts_.show(sent ? ToastKind::success : ToastKind::failure, event.message_key, now,
                     sent ? event.receipt : event.title);
    }
}

void App::set_terminal(const TerminalSettings& settings) {
    terminal_ = settings;
    terminal_.idle_seconds = std::clamp(settings.idle_seconds, TerminalSettings::shortest_idle_seconds,
                                        TerminalSettings::longest_idle_seconds);
    counter_ = CounterSession(terminal_.idle_seconds);
    counter_.set_counter(terminal_.counter_location_id);
    if (terminal_.kiosk) area_ = Area::counter;
}

// A visit in progress stays: only what the next handover and return record changes.
void App::choose_counter(std::int64_t location_id) {
    terminal_.counter_location_id = location_id;
    counter_.set_counter(location_id);
    if (remember_terminal_) remember_terminal_(terminal_);
}

float App::text_scale() const {
    const int percent = terminal_.kiosk ? std::max(preferences_.text_percent, TerminalSettings::kiosk_text_percent)
                                        : preferences_.text_percent;
    return static_cast<float>(percent) / 100.0F;
}

void App::note_input() { counter_.activity(std::chrono::system_clock::now()); }

}  // namespace madoguchi::client
