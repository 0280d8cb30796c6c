# bash completion for nabij
_nabij()
{
	local cur prev cmd i
	COMPREPLY=()
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD-1]}
	cmd=""
	for ((i = 1; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		--db|--lang) ((i++)) ;;
		-*) ;;
		*) cmd=${COMP_WORDS[i]}; break ;;
		esac
	done

	case $prev in
	--db|--out) COMPREPLY=($(compgen -f -- "$cur")); return ;;
	--lang) COMPREPLY=($(compgen -W "nl en" -- "$cur")); return ;;
	--format) COMPREPLY=($(compgen -W "json csv daylio" -- "$cur")); return ;;
	--from) COMPREPLY=($(compgen -W "nabij daylio daylio-backup jrnl" -- "$cur")); return ;;
	--type) COMPREPLY=($(compgen -W "checkin moment trigger member session reflection attachment phase experiment" -- "$cur")); return ;;
	# generated from the field rows: begin words
	--body) COMPREPLY=($(compgen -W "tension relaxation energy tiredness restlessness heaviness warmth pain numbness racing-heart knot" -- "$cur")); return ;;
	--emotion) COMPREPLY=($(compgen -W "anger sadness joy fear calm emptiness shame loneliness tenderness guilt hope gratitude jealousy insecurity longing irritability craving" -- "$cur")); return ;;
	--need) COMPREPLY=($(compgen -W "rest contact movement boundaries softness safety connection appreciation" -- "$cur")); return ;;
	--state) COMPREPLY=($(compgen -W "calm activated shutdown" -- "$cur")); return ;;
	--mood|--energy|--tension|--connection|--sleep-quality|--craving|--tension-before|--tension-after|--urge-before|--urge-after) COMPREPLY=($(compgen -W "1 2 3 4 5" -- "$cur")); return ;;
	--kind) COMPREPLY=($(compgen -W "hug hand arm self animal talk gesture massage close other" -- "$cur")); return ;;
	--safe) COMPREPLY=($(compgen -W "yes no unsure" -- "$cur")); return ;;
	--effect) COMPREPLY=($(compgen -W "breath shoulders sigh warmth space tears stiffening pulling-back heartbeat muscles" -- "$cur")); return ;;
	--exercise) COMPREPLY=($(compgen -W "breath compassion grounding memory place meeting closeness urge" -- "$cur")); return ;;
	--phase) COMPREPLY=($(compgen -W "start distance clash turning" -- "$cur")); return ;;
	--outcome) COMPREPLY=($(compgen -W "tension mood sleep-quality energy connection" -- "$cur")); return ;;
	# generated from the field rows: end
	esac

	local common="--db --lang --json --help"
	# generated from the field rows: begin flags
	local checkin_flags="--body --emotion --need --state --mood --energy --tension --connection --sleep-hours --sleep-quality --craving --tag --note"
	local moment_flags="--kind --with --seconds --safe --effect --note"
	local trigger_flags="--situation --reaction --emotion --need --alternative --outcome"
	local member_flags="--place --person --name --reach --helps --first --not-first"
	local edit_flags="--body --emotion --need --state --mood --energy --tension --connection --sleep-hours --sleep-quality --craving --tag --note --kind --with --seconds --safe --effect --situation --reaction --alternative --outcome --place --person --name --reach --helps --first --not-first --exercise --tension-before --tension-after --urge-before --urge-after --words --prompt --text --phase"
	# generated from the field rows: end
	case $cmd in
	"")
		COMPREPLY=($(compgen -W "ui serve checkin moment trigger circle today suggest exercise breathe reflect insights report week attachment phase experiment list show edit delete undo search export import forget backup restore check passphrase help --db --lang --json --help --version" -- "$cur")) ;;
	checkin)
		COMPREPLY=($(compgen -W "$checkin_flags --at --interactive $common" -- "$cur")) ;;
	moment)
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W "$moment_flags --at --interactive $common" -- "$cur"))
		else
			COMPREPLY=($(compgen -W "hug hand arm self animal talk gesture massage close other" -- "$cur"))
		fi ;;
	trigger)
		COMPREPLY=($(compgen -W "outcome $trigger_flags --at --interactive $common" -- "$cur")) ;;
	circle)
		COMPREPLY=($(compgen -W "add list edit remove card beside $member_flags --yes --text --print --interactive $common" -- "$cur")) ;;
	exercise)
		COMPREPLY=($(compgen -W "list show start breath compassion grounding memory place meeting closeness urge --tension-before --tension-after --urge-before --urge-after --seconds --with --words --in --hold --out --rest --minutes --interactive $common" -- "$cur")) ;;
	breathe)
		COMPREPLY=($(compgen -W "--in --hold --out --rest --minutes --tension-before --tension-after $common" -- "$cur")) ;;
	reflect)
		COMPREPLY=($(compgen -W "--text --prompt --closeness $common" -- "$cur")) ;;
	report)
		COMPREPLY=($(compgen -W "--out --from --until --with-notes --with-circle $common" -- "$cur")) ;;
	insights)
		COMPREPLY=($(compgen -W "--since --until $common" -- "$cur")) ;;
	week)
		COMPREPLY=($(compgen -W "--date --intention $common" -- "$cur")) ;;
	attachment)
		COMPREPLY=($(compgen -W "--answers --interactive $common" -- "$cur")) ;;
	phase)
		COMPREPLY=($(compgen -W "start distance clash turning list --with --note --at $common" -- "$cur")) ;;
	ui)
		COMPREPLY=($(compgen -W "--port --no-open --address --stop $common" -- "$cur")) ;;
	experiment)
		COMPREPLY=($(compgen -W "start result plan yes no pause resume stop embrace evening-breath reach-out self-touch own --outcome --pairs --days --baseline --washout --words --report --seed --day --interactive $common" -- "$cur")) ;;
	suggest|today|check)
		COMPREPLY=($(compgen -W "$common" -- "$cur")) ;;
	list)
		COMPREPLY=($(compgen -W "--since --until --type --limit --all $common" -- "$cur")) ;;
	edit)
		COMPREPLY=($(compgen -W "$edit_flags --at $common" -- "$cur")) ;;
	delete)
		COMPREPLY=($(compgen -W "--yes $common" -- "$cur")) ;;
	search)
		COMPREPLY=($(compgen -W "--limit $common" -- "$cur")) ;;
	export)
		COMPREPLY=($(compgen -W "--format --out --per-type $common" -- "$cur")) ;;
	forget)
		COMPREPLY=($(compgen -W "--all --yes $common" -- "$cur")) ;;
	passphrase)
		COMPREPLY=($(compgen -W "set change remove $common" -- "$cur")) ;;
	import)
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W "--dry-run --from --mood-map --moments $common" -- "$cur"))
		else
			COMPREPLY=($(compgen -f -- "$cur"))
		fi ;;
	help)
		COMPREPLY=($(compgen -W "beside alone loss touch urge insights experiment checkin moment trigger circle today suggest exercise breathe reflect insights report week attachment phase list show edit delete undo search export import forget" -- "$cur")) ;;
	*)
		COMPREPLY=($(compgen -W "$common" -- "$cur")) ;;
	esac
}
complete -F _nabij nabij
