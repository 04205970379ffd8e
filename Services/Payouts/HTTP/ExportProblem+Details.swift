import Foundation
import ServiceKit

/// How an export problem reads in an RFC 9457 answer (Latvian first, English too).
extension ExportProblem {
    var fieldError: ProblemDetails.FieldError {
        func error(_ field: String, _ rule: String, _ lv: String, _ en: String) -> ProblemDetails.FieldError {
            .init(field: field, rule: rule, message: lv, messageEn: en)
        }
        switch self {
        case .noPayments: return error("payments", "export.empty", "Paketē nav maksājumu.", "The batch has no payments.")
        case .invalidExecutionDate(let text):
            return error("executionDate", "export.execution_date", "Nederīgs izpildes datums \(text).", "Invalid execution date \(text).")
        case .invalidDebtorIBAN:
            return error("debtor.iban", "export.debtor_iban", "Maksātāja IBAN nav derīgs (PUMPURS_PAYOUTS_DEBTOR_IBAN).",
                         "The debtor's IBAN is invalid (PUMPURS_PAYOUTS_DEBTOR_IBAN).")
        case .invalidDebtorBIC:
            return error("debtor.bic", "export.debtor_bic", "Maksātāja BIC nav derīgs.", "The debtor's BIC is invalid.")
        case .emptyDebtorName: return error("debtor.name", "export.debtor_name", "Maksātāja nosaukums ir tukšs.", "The debtor's name is empty.")
        case .nonPositiveAmount(let id):
            return error("payments[\(id)].amountCents", "export.amount", "Summai jābūt vismaz 0,01 EUR.", "The amount must be at least 0.01 EUR.")
        case .amountTooLarge(let id):
            return error("payments[\(id)].amountCents", "export.amount", "Summa pārsniedz SEPA maksimumu.", "The amount exceeds the SEPA maximum.")
        case .invalidPayeeIBAN(let id):
            return error("payments[\(id)].payeeIBAN", "export.payee_iban", "Saņēmēja IBAN nav derīgs.", "The payee's IBAN is invalid.")
        case .invalidPayeeBIC(let id):
            return error("payments[\(id)].payeeBIC", "export.payee_bic", "Saņēmēja BIC nav derīgs.", "The payee's BIC is invalid.")
        case .emptyPayeeName(let id):
            return error("payments[\(id)].payeeName", "export.payee_name", "Saņēmēja vārds ir tukšs.", "The payee's name is empty.")
        case .duplicatePayout(let id):
            return error("payments[\(id)]", "export.duplicate", "Maksājums paketē ir divreiz.", "The payment is in the batch twice.")
        case .personalCodeInText(let id, let field):
            return error("payments[\(id)].\(field)", "text.personal_code", "Tekstā ir personas kods: to nedrīkst eksportēt.",
                         "The text holds a personal code: it must not be exported.")
        case .totalOverflow: return error("payments", "export.total", "Kopsumma ir par lielu.", "The total is too large.")
        }
    }
}
