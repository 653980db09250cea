// Incident and outbox records as the store keeps them.
//
// Plain values; the enums' numbers are stored in SQLite: frozen.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "vigie/core/clock.h"

namespace vigie {

/// Lifecycle state of an incident. Stored numbers: frozen.
enum class IncidentState : int {
  kOpen = 1,
  kUpdated = 2,
  kEscalated = 3,
  kResolved = 4,
  kAcknowledged = 5,
};

/// "open", "updated", "escalated", "resolved" or "acknowledged".
std::string_view IncidentStateName(IncidentState state) noexcept;

/// One crisis incident: a brand × scenario episode.
struct Incident {
  std::int64_t id = 0;   ///< row id, 0 before insertion
  std::string brand;     ///< brand name as configured
  std::string scenario;  ///< scenario name as configured
  std::string severity;  ///< "info", "warning" or "critical"
  IncidentState state = IncidentState::kOpen;
  TimePoint opened_at{};            ///< UTC
  TimePoint updated_at{};           ///< UTC, last state change or new evidence
  int revision = 1;                 ///< +1 on every stored change
  std::string evidence_json;        ///< JSON object: counts, expected, samples
  TimePoint signal_at{};            ///< UTC, last signal that supported it
  TimePoint notified_at{};          ///< UTC, last notification written
  std::int64_t opening_count = 0;   ///< count that opened it
  std::int64_t peak_count = 0;      ///< highest count seen
  std::int64_t notified_count = 0;  ///< count in the last notification
  std::string note;  ///< why this change; stored with its event, not read back
};

/// One stored change of an incident (its history).
struct IncidentEvent {
  std::int64_t incident_id = 0;
  int revision = 0;
  IncidentState state = IncidentState::kOpen;
  TimePoint at{};             ///< UTC
  std::string note;           ///< e.g. "acknowledged by alice"
  std::string evidence_json;  ///< evidence at that revision
};

/// Delivery state of an outbox row. Stored numbers: frozen.
enum class OutboxState : int {
  kPending = 0,
  kSent = 1,
  kDead = 2,
};

/// One notification to deliver, written before any attempt to send it.
struct OutboxMessage {
  std::int64_t id = 0;           ///< row id, 0 before insertion
  std::int64_t incident_id = 0;  ///< incident it reports, 0 when none
  std::string channel;           ///< configured channel name, e.g. "slack"
  std::string idempotency_key;   ///< unique per logical message
  std::string payload;           ///< body to send (channel-specific JSON)
  OutboxState state = OutboxState::kPending;
  int attempts = 0;                  ///< failed attempts so far
  TimePoint created_at{};            ///< UTC
  TimePoint next_attempt_at{};       ///< UTC; not sent before this
  std::optional<TimePoint> sent_at;  ///< UTC, set when accepted
  std::string last_error;            ///< last failure, never containing secrets
};

}  // namespace vigie
