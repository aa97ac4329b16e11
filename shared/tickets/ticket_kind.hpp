#pragma once
// The seven kinds of ticket of §1.3(1)ア(a) and イ(ア)d, and the states their workflows use.
// States form one vocabulary shared by all kinds (a change and a release are both "approved"),
// so a ticket stores one state name whatever its kind; each kind's workflow says which of
// them it uses (tickets/workflow.hpp).
#include <optional>
#include <span>
#include <string_view>

namespace madoguchi::tickets {

enum class TicketKind {
    inquiry,            // 問い合わせ: a staff member's question (イ(ア)b)
    incident,           // インシデント: a fault to restore (①インシデント管理)
    problem,            // 問題・課題: the cause behind incidents (②問題管理, 課題管理表)
    change,             // 変更要求: a planned change, approved by the IT office (③変更管理)
    request,            // 要望: an improvement request with a feasibility decision (⑥リクエスト管理)
    security_incident,  // セキュリティインシデント (イ(ア)d)
    release,            // リリース・メンテナンス計画: patches, version-ups, maintenance (⑤リリース管理)
};

enum class TicketState {
    received,           // 受付
    in_progress,        // 対応中
    waiting_requester,  // 依頼者回答待ち: the SLA clock pauses
    with_vendor,        // ベンダー対応中
    investigating,      // 原因調査中
    known_error,        // 既知の誤り: cause known, workaround recorded
    resolved,           // 解決済
    draft,              // 起案中
    submitted,          // 承認依頼中
    approved,           // 承認済
    rejected,           // 却下
    scheduled,          // 日程確定
    announced,          // 職員周知済
    implemented,        // 実施済
    reviewed,           // 実施後評価済
    under_review,       // 実現性検討中
    accepted,           // 採用
    declined,           // 不採用
    escalated,          // 情報システム室へエスカレーション済
    planning,           // 対応方針検討中
    plan_submitted,     // 対応方針承認待ち
    results_reported,   // 対応結果・改善報告済
    closed,             // 完了
    cancelled,          // 取消
};

std::span<const TicketKind> ticket_kinds();
// "inquiry", "security_incident", …: stored and used in the API.
std::string_view kind_name(TicketKind kind);
std::optional<TicketKind> parse_kind(std::string_view name);
// Catalog key "tickets.kind.<name>".
std::string_view kind_label_key(TicketKind kind);

std::span<const TicketState> ticket_states();
std::string_view state_name(TicketState state);
std::optional<TicketState> parse_ticket_state(std::string_view name);
// Catalog key "tickets.state.<name>".
std::string_view state_label_key(TicketState state);

}  // namespace madoguchi::tickets
