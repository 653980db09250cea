#include "vigie/store/incident.h"

namespace vigie {

std::string_view IncidentStateName(IncidentState state) noexcept {
  switch (state) {
    case IncidentState::kOpen:
      return "open";
    case IncidentState::kUpdated:
      return "updated";
    case IncidentState::kEscalated:
      return "escalated";
    case IncidentState::kResolved:
      return "resolved";
    case IncidentState::kAcknowledged:
      return "acknowledged";
  }
  return "unknown";
}

}  // namespace vigie
