import Contracts
import Testing
import Foundation

/// One sample of every event type, with every optional field filled so that every key the type
/// can produce appears in its JSON.
enum SampleEvents {
    static let planId = UUID(uuidString: "6F1C2D9E-8B7A-4C3D-9E2F-1A2B3C4D5E6F")!
    static let institutionId = UUID(uuidString: "11111111-2222-4333-8444-555555555555")!
    static let personId = UUID(uuidString: "AAAAAAAA-BBBB-4CCC-8DDD-EEEEEEEEEEEE")!
    static let otherId = UUID(uuidString: "0F0F0F0F-1E1E-4D2D-8C3C-4B4B4B4B4B4B")!

    static let plan = PlanReference(planId: planId, revision: 3, studentCode: "S-7K2M9Q4XTB",
                                    institutionId: institutionId, semester: "2024/2025-1")
    static let actor = ActorPayload(personId: personId, role: "institution_head", actingFor: otherId)
    static let measure = PlannedMeasurePayload(
        measureId: otherId, type: "consultation", providers: ["psychologist"], plannedMinutes: 600,
        monthlyAmountCents: 2_500, semesterAmountCents: 12_000, riskCodes: ["R1", "R4"])
    static let finding = FindingPayload(ruleId: "risk.justification.vague", severity: "warning",
                                        path: "risks[1].justification", messageLv: "Pamatojums ir neskaidrs",
                                        messageEn: "The justification is vague")
    static let change = PlanLifecycleChange(plan: plan, actor: actor, reason: "Trūkst vecāku piekrišanas")
    static let assignment = RoleAssignmentChanged(
        assignmentId: otherId, personId: personId, role: "coordinator", scopeKind: "region",
        scopeId: institutionId, scopeName: "Latgale", assignedBy: otherId)
    static let line = WorkLogLine(plan: plan, measureId: otherId, role: "specialist", providerType: "teacher", minutes: 90, sessions: 2,
                                  subjects: [WorkLogSubjectSessions(subject: "matemātika", sessions: 2, minutes: 90)],
                                  hourlyRateCents: 1_800)

    /// Every event type, one value each.
    static let all: [any DomainEvent] = [
        PlanSubmitted(plan: plan, submittedBy: actor, riskCodes: ["R1"], measures: [measure], gradeOrCourse: 8),
        PlanContentSubmitted(plan: plan, submittedBy: actor, content: Array(#"{"risks":[]}"#.utf8),
                             context: Array(#"{"studentAgeAtSemesterStart":16}"#.utf8), riskCodes: ["R1"], measures: [measure]),
        PlanValidated(plan: plan, warnings: [finding]),
        PlanValidationFailed(plan: plan, findings: [finding]),
        PlanApprovalStepCompleted(plan: plan, level: "institution_head", nextLevel: "municipality", decidedBy: actor, comment: "Labi"),
        PlanApproved(plan: plan, approvedBy: actor, measures: [measure]),
        PlanImplementationMayStart(plan: plan, measures: [measure]),
        PlanImplementationStarted(change: change),
        PlanSupportDelivered(plan: plan, deliveredOn: "2025-03-04"),
        PlanReturned(change: change, level: "municipality"),
        PlanSuspended(change: change),
        PlanResumed(change: change),
        PlanDeleted(change: change),
        PlanReviewRequested(change: change),
        PlanConsentChanged(plan: plan, onFile: true, signedBy: "parent_or_guardian"),
        ApprovalAwaiting(plan: plan, level: "ikvd", scopeId: institutionId),
        ApprovalOverdue(plan: plan, level: "municipality", daysWaiting: 8, stage: "reminder"),
        InstitutionRegistered(institutionId: institutionId, name: "Rēzeknes 1. vidusskola", kind: "general",
                              founder: "municipal", municipalityId: otherId, region: "Latgale"),
        MunicipalityRegistered(municipalityId: otherId, name: "Rēzeknes valstspilsēta", region: "Latgale"),
        PersonRegistered(personId: personId, name: "Anna Bērziņa", email: "anna@example.lv", language: "lv"),
        RoleAssigned(assignment: assignment),
        RoleRevoked(assignment: assignment),
        WorkLogSubmitted(workLogId: otherId, personId: personId, institutionId: institutionId, month: "2025-03"),
        WorkLogApproved(workLogId: otherId, personId: personId, institutionId: institutionId, month: "2025-03",
                        lines: [line], approvedBy: actor),
        WorkLogReturned(workLogId: otherId, personId: personId, month: "2025-03", comment: "Pārbaudiet stundas"),
        PayoutReleased(payoutId: otherId, idempotencyKey: "claim:\(otherId)", amountCents: 12_345, period: "2025-03",
                       studentCode: "S-7K2M9Q4XTB", planId: planId, measure: "meals", payeeReference: "ACC-0042"),
        PayoutVoided(payoutId: otherId, idempotencyKey: "claim:\(otherId)", reason: "consent revoked"),
        PayoutReversed(payoutId: otherId, idempotencyKey: "claim:\(otherId)", amountCents: 12_345, reason: "Dubults maksājums"),
        PlanPaymentRecorded(planId: planId, totalPaidCents: 99_000, compensationPaidCents: 12_000),
        PayoutBatchReady(batchId: otherId, period: "2025-03", count: 2, totalCents: 24_690),
        StaffPayeeChanged(personId: personId, payeeReference: "P-ABCDEFGHJKLM", oldIbanMasked: "LV** **** **** **** *5001",
                          newIbanMasked: "LV** **** **** **** *8910", changedBy: otherId, changedVia: "finance", confirmedBy: personId,
                          changedAt: Date(timeIntervalSince1970: 1_764_000_000),
                          payReleasedFrom: Date(timeIntervalSince1970: 1_764_086_400)),
        YouthProjectPaymentReleased(payoutId: otherId, idempotencyKey: "youth:\(planId):advance", amountCents: 230_000, period: "2026-05",
                                    competitionId: personId, applicationId: planId, instalment: "advance", partnerKind: "municipality",
                                    partnerId: institutionId, payeeReference: "P-ABCDEFGHJKLM"),
        NotificationDelivered(sourceEventId: otherId, personId: personId, template: "plan_returned", outcome: "sent"),
        ReportSubmitted(plan: plan, submittedBy: actor, outcomes: [RiskOutcomePayload(riskCode: "L02", outcome: "reduced")]),
        ReportConfirmed(plan: plan, confirmedBy: actor),
        PlanReported(change: change),
        PlanClosed(change: change),
        EmergencyDeclared(emergencyId: otherId, name: "Ārkārtējā situācija", startsOn: "2020-03-13", endsOn: "2020-06-09",
                          scope: EmergencyScopePayload(kind: "municipality", region: "Latgale", municipalityId: institutionId),
                          homeMealsFrom: "2020-03-31", homeMealsLowestGrade: 5, homeMealsHighestGrade: 12, homeMealsPlanSemester: "2019/2020-2",
                          declaredBy: actor, pausedByRegion: [EmergencyRegionCount(region: "Latgale", paused: 12)]),
        EmergencyEnded(emergencyId: otherId, endsOn: "2020-06-09", endedBy: actor, resumedPlans: 11, staysSuspended: 1),
    ]

    /// The samples as test arguments, named by event type in the test report.
    static let arguments: [Sample] = all.map(Sample.init)
}

/// A sample event as a test argument.
struct Sample: Sendable, CustomTestStringConvertible {
    let event: any DomainEvent
    var eventType: EventType { type(of: event).eventType }
    var testDescription: String { eventType.rawValue }
}

/// A fixed instant with whole milliseconds, so encoding loses nothing.
func fixedInstant() throws -> Date {
    guard let date = Timestamp.parse("2026-11-22T19:27:26.123Z") else { throw SampleError.badFixture }
    return date
}

enum SampleError: Error { case badFixture }
