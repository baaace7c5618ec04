<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<#-- The PIN pad of a web register (docs/pin.md): the staff of the device's location as tiles, or PIN only.
     Works without JavaScript (type the PIN); pin-pad.js only adds the on-screen keypad. -->
<@layout.registrationLayout displayMessage=true; section>
<!-- template: branchkey-pin-pad.ftl -->
    <#if section = "header">
        ${msg("branchkeyPinPadTitle")}
    <#elseif section = "form">
        <#-- Theme resource of the Branchkey jar: found in any login theme, so linked here rather than in theme.properties -->
        <link rel="stylesheet" href="${url.resourcesPath}/css/branchkey-pin.css"/>
        <p id="bk-pad-where" class="${properties.kcContentWrapperClass!}">${msg("branchkeyPinPadWhere", deviceName, locationName)}</p>
        <form id="kc-branchkey-pin-pad" class="${properties.kcFormClass!} bk-pin-pad" action="${url.loginAction}" method="post"
              autocomplete="off">
            <#if !pinOnly>
                <fieldset class="bk-tiles">
                    <legend>${msg("branchkeyPickTileLegend")}</legend>
                    <#list tiles as tile>
                        <label class="bk-tile" for="tile-${tile?index}">
                            <input type="radio" id="tile-${tile?index}" name="user" value="${tile.id}"
                                   <#if tile.id == selectedUser>checked</#if> required/>
                            <span class="bk-tile-name">${tile.name}</span>
                        </label>
                    <#else>
                        <p id="bk-no-tiles">${msg("branchkeyNoTiles")}</p>
                    </#list>
                </fieldset>
            </#if>
            <div class="bk-pin-entry">
                <label for="pin" class="bk-pin-label">${msg("branchkeyPinLabel")}</label>
                <input id="pin" name="pin" type="password" inputmode="numeric" pattern="[0-9]*" maxlength="8"
                       autocomplete="off" required aria-describedby="bk-pad-where"/>
                <div class="bk-keypad" role="group" aria-label="${msg("branchkeyKeypadLabel")}" hidden>
                    <#list ["1","2","3","4","5","6","7","8","9"] as digit>
                        <button type="button" class="bk-key" data-digit="${digit}">${digit}</button>
                    </#list>
                    <button type="button" class="bk-key bk-key-clear" data-clear="true" aria-label="${msg("branchkeyKeyClear")}">&#x232B;</button>
                    <button type="button" class="bk-key" data-digit="0">0</button>
                    <button type="submit" class="bk-key bk-key-enter" id="kc-submit" name="login">${msg("branchkeyKeyEnter")}</button>
                </div>
                <noscript>
                    <@buttons.actionGroup>
                        <@buttons.button id="kc-submit-noscript" name="login" label="doLogIn"/>
                    </@buttons.actionGroup>
                </noscript>
            </div>
        </form>
        <script type="module" src="${url.resourcesPath}/js/pin-pad.js"></script>
    </#if>
</@layout.registrationLayout>
