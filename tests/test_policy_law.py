"""The five Principles, the four Guidelines, bases and legal references."""

from __future__ import annotations

import pytest

from dpup import Basis, Guideline, LegalRef, Principle


class TestPolicy:
    def test_principle_labels_keep_macrons(self) -> None:
        """The five principles carry their te reo Māori names with macrons, in DPUP's order."""
        assert [
            "He Tāngata",
            "Manaakitanga",
            "Mana Whakahaere",
            "Kaitiakitanga",
            "Mahitahitanga",
        ] == [p.label for p in Principle]
        assert "He Tāngata" == Principle.HE_TANGATA.label

    def test_guidelines(self) -> None:
        """The four guidelines carry DPUP's names and their check-id prefixes."""
        assert [
            ("Purpose Matters", "PM"),
            ("Transparency and Choice", "TC"),
            ("Access to Information", "AI"),
            ("Sharing Value", "SV"),
        ] == [(g.label, g.prefix) for g in Guideline]

    @pytest.mark.parametrize("member", [*Principle, *Guideline], ids=lambda m: m.value)
    def test_every_member_has_metadata(self, member: Principle | Guideline) -> None:
        """Each principle and guideline has a gloss, a summary and an https link."""
        assert member.gloss
        assert member.summary.endswith(".")
        assert member.url.startswith("https://www.digital.govt.nz/")

    def test_from_prefix(self) -> None:
        """A check-id prefix maps back to its guideline."""
        assert Guideline.SHARING_VALUE is Guideline.from_prefix("SV")


class TestLaw:
    def test_only_law_is_law(self) -> None:
        """Only the LAW basis can be a breach of law."""
        assert [True, False, False] == [b.is_law for b in Basis]

    def test_all_ipps_are_present(self) -> None:
        """IPP1 to IPP13 and IPP3A are all citable."""
        ipps = {r.value for r in LegalRef if r.value.startswith("IPP")}
        assert {f"IPP{n}" for n in range(1, 14)} | {"IPP3A"} == ipps

    @pytest.mark.parametrize("ref", list(LegalRef), ids=lambda r: r.value)
    def test_every_ref_has_citation_and_link(self, ref: LegalRef) -> None:
        """Each provision has a title, a citation naming its Act, and a link."""
        assert ref.title
        assert "Act" in ref.citation
        assert ref.url.startswith("https://")

    def test_unverified_refs_are_flagged(self) -> None:
        """Provisions our sources could not confirm are marked unverified."""
        assert not LegalRef.PA_S43.verified
        assert not LegalRef.PA_S7.verified
        assert LegalRef.IPP1.verified

    @pytest.mark.parametrize(
        "ref",
        [
            LegalRef.IPP4,
            LegalRef.IPP12,
            LegalRef.IPP13,
            LegalRef.PA_S42,
            LegalRef.PA_S44,
            LegalRef.PA_S62,
            LegalRef.PA_S63,
            LegalRef.PA_S114,
        ],
        ids=lambda r: r.value,
    )
    def test_refs_settled_by_stored_sources_are_verified(self, ref: LegalRef) -> None:
        """Provisions whose text or heading a stored source confirmed are no longer flagged."""
        assert ref.verified

    def test_section_pages_link_to_their_own_section(self) -> None:
        """A section seen on its own legislation page links there; others use the whole Act."""
        assert LegalRef.PA_S113.url.endswith("/LMS139444.html")
        assert LegalRef.PA_S45.url.endswith("/LMS131557.html")
        assert "/whole.html" in LegalRef.PA_S63.url
        assert "s 44: responding to access requests" == LegalRef.PA_S44.title
